// The plugin proven with the real Claude Code client (installed by .ci/install-claude.sh), run
// offline: a throwaway HOME, no login, `claude plugin ...` subcommands only.
import { mkdir, readFile, realpath, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { CLAUDE_TIMEOUT, SCAFFOLD_TIMEOUT, VENDORED } from "./plugin-support.js";
import { REPO_ROOT, run, scaffold, tempDir, type RunResult } from "./support.js";

const CLAUDE = process.env["LITCLAUDE_CLAUDE_BIN"] ?? "claude";

const listSchema = z.array(
  z.looseObject({ id: z.string(), scope: z.string(), enabled: z.boolean() }),
);

let home = "";

const claudeJsonSchema = z.looseObject({
  projects: z.record(z.string(), z.looseObject({})).optional(),
});

/** Marks a folder as trusted, as accepting the trust dialog would. */
async function trust(dir: string): Promise<void> {
  const file = join(home, ".claude.json");
  const current = claudeJsonSchema.parse(
    JSON.parse(await readFile(file, "utf8").catch(() => "{}")),
  );
  const projects = { ...current.projects, [await realpath(dir)]: { hasTrustDialogAccepted: true } };
  await writeFile(file, JSON.stringify({ ...current, projects }, null, 2));
}

function claude(args: readonly string[], cwd: string): Promise<RunResult> {
  return run(CLAUDE, args, cwd, {
    HOME: home,
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    DISABLE_TELEMETRY: "1",
    DISABLE_AUTOUPDATER: "1",
  });
}

async function pluginList(cwd: string): Promise<z.infer<typeof listSchema>> {
  const result = await claude(["plugin", "list", "--json"], cwd);
  expect(result.exitCode, result.output).toBe(0);
  return listSchema.parse(JSON.parse(result.stdout));
}

async function pinnedVersion(): Promise<string> {
  const script = await readFile(join(REPO_ROOT, ".ci", "install-claude.sh"), "utf8");
  const version = /^CLAUDE_CODE_VERSION=(\S+)$/m.exec(script)?.[1];
  if (version === undefined) throw new Error("no CLAUDE_CODE_VERSION in .ci/install-claude.sh");
  return version;
}

beforeAll(async () => {
  home = await tempDir("litclaude-claude-home-");
  await mkdir(join(home, ".claude"));
});

describe("the Claude Code client", () => {
  it(
    "is the version CI pins",
    async () => {
      const result = await claude(["--version"], REPO_ROOT);
      expect(result.stdout.trim()).toBe(`${await pinnedVersion()} (Claude Code)`);
    },
    CLAUDE_TIMEOUT,
  );

  it.each([
    ["the plugin source", "content/plugin", "plugin manifest"],
    ["the package's marketplace manifest", ".", "marketplace manifest"],
  ])(
    "validates %s strictly",
    async (_label, path, kind) => {
      const result = await claude(["plugin", "validate", "--strict", path], REPO_ROOT);
      expect(result.output).toContain(`Validating ${kind}`);
      expect(result.output).toContain("Validation passed");
      expect(result.exitCode, result.output).toBe(0);
    },
    CLAUDE_TIMEOUT,
  );
});

describe("a repo with the plugin vendored", () => {
  let dir = "";

  beforeAll(async () => {
    ({ dir } = await scaffold("go", "cli", ["--no-install"]));
    await trust(dir);
  }, SCAFFOLD_TIMEOUT);

  it(
    "holds a copy that validates strictly",
    async () => {
      const result = await claude(["plugin", "validate", "--strict", VENDORED], dir);
      expect(result.output).toContain("Validation passed");
      expect(result.exitCode, result.output).toBe(0);
    },
    CLAUDE_TIMEOUT,
  );

  it(
    "loads it as litclaude@skills-dir, enabled for the project, with no notes or errors",
    async () => {
      const list = await pluginList(dir);
      const entry = list.find((plugin) => plugin.id === "litclaude@skills-dir");
      expect(entry).toMatchObject({ scope: "project", enabled: true });
      expect(entry).not.toHaveProperty("errors");
      expect(entry).not.toHaveProperty("notes");
      expect(list.map((plugin) => plugin.id)).not.toContain("(suppressed)@skills-dir");
    },
    CLAUDE_TIMEOUT,
  );

  it(
    "lists the skills, the agent and the PostToolUse hook in its details",
    async () => {
      const result = await claude(["plugin", "details", "litclaude@skills-dir"], dir);
      expect(result.exitCode, result.output).toBe(0);
      expect(result.stdout).toMatch(/^ {2}Skills \(\d+\) .*\bnew-module\b.*\bprogramming\b/m);
      expect(result.stdout).toMatch(/^ {2}Agents \(1\) +strict-reviewer$/m);
      expect(result.stdout).toMatch(/^ {2}Hooks \(2\) +PostToolUse, SessionStart\b/m);
    },
    CLAUDE_TIMEOUT,
  );
});

describe("a repo that takes the plugin from a marketplace", () => {
  let dir = "";
  let marketplace = "";

  beforeAll(async () => {
    const packDir = await tempDir("litclaude-pack-");
    const pack = await run(
      "npm",
      ["pack", "--ignore-scripts", "--pack-destination", packDir],
      REPO_ROOT,
    );
    expect(pack.exitCode, pack.output).toBe(0);
    const tarball = pack.stdout.trim().split("\n").at(-1) ?? "";
    const untar = await run("tar", ["-xzf", join(packDir, tarball), "-C", packDir], packDir);
    expect(untar.exitCode, untar.output).toBe(0);
    marketplace = join(packDir, "package");
    ({ dir } = await scaffold("go", "cli", [
      "--no-install",
      "--plugin",
      "marketplace",
      "--marketplace",
      marketplace,
    ]));
    await trust(dir);
  }, SCAFFOLD_TIMEOUT);

  it("declares the marketplace and enables the plugin in .claude/settings.json", async () => {
    const settings: unknown = JSON.parse(
      await readFile(join(dir, ".claude", "settings.json"), "utf8"),
    );
    expect(settings).toEqual({
      extraKnownMarketplaces: { litclaude: { source: { source: "directory", path: marketplace } } },
      enabledPlugins: { "litclaude@litclaude": true },
    });
  });

  it(
    "validates the packed marketplace strictly",
    async () => {
      const result = await claude(["plugin", "validate", "--strict", marketplace], dir);
      expect(result.output).toContain("Validation passed");
      expect(result.exitCode, result.output).toBe(0);
    },
    CLAUDE_TIMEOUT,
  );

  it(
    "installs the plugin at project scope and lists it enabled for the project",
    async () => {
      const before = await readFile(join(dir, ".claude", "settings.json"), "utf8");
      // A marketplace declared only in project settings is not fetched by the non-interactive
      // CLI (a session prompts for it once the folder is trusted), so it is added first, the way
      // a user answering that prompt would. Doing so must not change what the repo declares.
      const add = await claude(
        ["plugin", "marketplace", "add", marketplace, "--scope", "project"],
        dir,
      );
      expect(add.exitCode, add.output).toBe(0);
      const after: unknown = JSON.parse(
        await readFile(join(dir, ".claude", "settings.json"), "utf8"),
      );
      expect(after).toEqual(JSON.parse(before));

      const install = await claude(
        ["plugin", "install", "litclaude@litclaude", "--scope", "project"],
        dir,
      );
      expect(install.output).toContain("Successfully installed plugin: litclaude@litclaude");
      expect(install.exitCode, install.output).toBe(0);

      const entry = (await pluginList(dir)).find((plugin) => plugin.id === "litclaude@litclaude");
      expect(entry).toMatchObject({ scope: "project", enabled: true, projectEnabled: true });
      expect(entry).toHaveProperty("projectPath", await realpath(dir));
      expect(entry).not.toHaveProperty("errors");
      expect(entry).not.toHaveProperty("notes");
    },
    CLAUDE_TIMEOUT,
  );
});
