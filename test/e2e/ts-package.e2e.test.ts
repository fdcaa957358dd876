// What a TypeScript project ships and how its CI installs: `npm pack` builds first and ships
// what the source maps point at; CI uses the package manager that created the project and runs
// on the Node floor that package.json promises.
import { readFile, rm } from "node:fs/promises";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { run, runBin, scaffold, tempDir } from "./support.js";

const SCAFFOLD_TIMEOUT = 240_000;

const packSchema = z.array(z.object({ files: z.array(z.object({ path: z.string() })) }));
const mapSchema = z.object({ sources: z.array(z.string()) });
const workflowSchema = z.object({
  jobs: z.object({
    check: z.object({
      strategy: z.object({ matrix: z.object({ node: z.array(z.string()) }) }),
      steps: z.array(z.object({ run: z.string().optional() })),
    }),
  }),
});
const manifestSchema = z.object({ engines: z.object({ node: z.string() }) });

describe.each(["cli", "lib"] as const)("a packed ts %s", (kind) => {
  it(
    "holds the built code without a manual build, and the sources its maps name",
    async () => {
      const { dir } = await scaffold("ts", kind);
      await rm(join(dir, "dist"), { recursive: true, force: true });
      const pack = await run("npm", ["pack", "--dry-run", "--json"], dir);
      expect(pack.exitCode, pack.output).toBe(0);
      const packed = packSchema.parse(JSON.parse(pack.stdout))[0]?.files.map((f) => f.path) ?? [];
      const entry = kind === "cli" ? ["dist/cli.js"] : ["dist/index.js", "dist/index.d.ts"];
      for (const file of entry) expect(packed).toContain(file);
      const maps = packed.filter((file) => file.endsWith(".map"));
      expect(maps.length).toBeGreaterThan(0);
      for (const map of maps) {
        const { sources } = mapSchema.parse(JSON.parse(await readFile(join(dir, map), "utf8")));
        for (const source of sources) {
          const target = relative(dir, normalize(join(dir, dirname(map), source)));
          expect(packed, `${map} -> ${source}`).toContain(target.split("\\").join("/"));
        }
      }
      expect(packed.some((file) => file.startsWith("test/"))).toBe(false);
    },
    SCAFFOLD_TIMEOUT,
  );
});

describe.each([
  ["npm", "npm ci", "package-lock.json"],
  ["pnpm", "pnpm install --frozen-lockfile", "pnpm-lock.yaml"],
  ["yarn", "yarn install --frozen-lockfile", "yarn.lock"],
  ["bun", "bun install --frozen-lockfile", "bun.lock"],
] as const)("the CI of a ts project created with %s", (manager, install, lockfile) => {
  it("installs with that manager from its lockfile, on the Node floor and the LTS; scripts/check names it", async () => {
    const parent = await tempDir("litclaude-ts-ci-");
    const dir = join(parent, "demo");
    const agent = `${manager}/1.0.0 npm/? node/v24.0.0 linux x64`;
    const made = await runBin([dir, "--lang", "ts", "--yes", "--no-git", "--no-install"], parent, {
      npm_config_user_agent: agent,
    });
    expect(made.exitCode, made.output).toBe(0);
    const workflow = workflowSchema.parse(
      parse(await readFile(join(dir, ".github", "workflows", "ci.yml"), "utf8")),
    );
    const runs = workflow.jobs.check.steps.map((step) => step.run ?? "").join("\n");
    expect(runs).toContain(install);
    expect(runs).toContain(lockfile);
    const otherInstalls = ["npm ci", "pnpm install", "yarn install", "bun install"].filter(
      (command) => !install.startsWith(command),
    );
    for (const command of otherInstalls) expect(runs).not.toContain(command);
    const manifest = manifestSchema.parse(
      JSON.parse(await readFile(join(dir, "package.json"), "utf8")),
    );
    const floor = /^>=(\d+\.\d+)$/.exec(manifest.engines.node)?.[1];
    expect(workflow.jobs.check.strategy.matrix.node).toContain(`${floor ?? "?"}.0`);
    expect(workflow.jobs.check.strategy.matrix.node.length).toBe(2);
    const gate = await readFile(join(dir, "scripts", "check"), "utf8");
    expect(gate).toContain(`run ${manager} install first`);
  });
});
