import { access, readFile, rm, symlink } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { tsLanguage } from "../../src/lang/ts.js";
import { expectGateFailsAt, expectGateGreen, run, scaffold } from "./support.js";
import { propertyCases, propertyParameters } from "./property-plan.js";

const SCAFFOLD_TIMEOUT = 240_000;
const GATE_TIMEOUT = 120_000;

interface Violation {
  readonly step: "format" | "lint" | "types" | "no-excuse" | "tests";
  readonly path: string;
  readonly content: string;
  /** Text in the gate's output that shows it failed for this reason and not another. */
  readonly reason: string;
}

const violations: readonly Violation[] = [
  {
    step: "format",
    path: "src/planted.ts",
    content: "export const   planted=1\n",
    reason: "src/planted.ts",
  },
  {
    step: "lint",
    path: "src/planted.ts",
    content: "export let planted = 1;\n",
    reason: "prefer-const",
  },
  {
    step: "types",
    path: "src/planted.ts",
    content: 'export const planted: number = "one";\n',
    reason: "TS2322",
  },
  {
    step: "no-excuse",
    path: "src/planted.ts",
    content: "export const planted = 1; // no-excuse-ok: no-any\n",
    reason: "src/planted.ts:1",
  },
  {
    // A dot folder: ESLint is told to stand down and tsc never looks there; no-excuse still does.
    step: "no-excuse",
    path: "src/.hidden/planted.js",
    content: '/* eslint-disable */\ntry {\n  JSON.parse("{");\n} catch {}\n',
    reason: "src/.hidden/planted.js:4:3 no-empty-catch",
  },
  {
    // Type-checks, but does not build: the build's rootDir is src/.
    step: "types",
    path: "src/planted.ts",
    content: 'export { default } from "../vitest.config.js";\n',
    reason: "TS6059",
  },
  {
    step: "tests",
    path: "test/planted.test.ts",
    content: [
      'import { expect, it } from "vitest";',
      "",
      'it("planted failure", () => {',
      "  expect(1 + 1).toBe(3);",
      "});",
      "",
    ].join("\n"),
    reason: "planted failure",
  },
];

function devDependencyVersions(manifest: unknown): string[] {
  if (typeof manifest !== "object" || manifest === null || !("devDependencies" in manifest)) {
    return [];
  }
  const deps = manifest.devDependencies;
  if (typeof deps !== "object" || deps === null) return [];
  return Object.values(deps).map((version) => String(version));
}

type Kind = "cli" | "lib";

async function scaffoldOk(kind: Kind, extraArgs: string[] = []): Promise<string> {
  const { dir, result } = await scaffold("ts", kind, extraArgs);
  expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
  return dir;
}

/** Projects scaffolded with a real install, by kind, so later tests can share their node_modules. */
const installed = new Map<Kind, string>();

async function installedProject(kind: Kind): Promise<string> {
  const known = installed.get(kind);
  if (known !== undefined) return known;
  const dir = await scaffoldOk(kind);
  installed.set(kind, dir);
  return dir;
}

for (const kind of ["cli", "lib"] as const) {
  describe(`ts ${kind} project`, () => {
    let dir = "";

    beforeAll(async () => {
      dir = await installedProject(kind);
    }, SCAFFOLD_TIMEOUT);

    it(
      "passes its own gate",
      async () => {
        await expectGateGreen(dir);
      },
      GATE_TIMEOUT,
    );

    it.each(violations)(
      "fails at $step when one is planted",
      async ({ step, path, content, reason }) => {
        await expectGateFailsAt(dir, { path, content, step, reason });
      },
      GATE_TIMEOUT,
    );

    it("pins every devDependency exactly and exposes the gate as npm run check", async () => {
      const manifest: unknown = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
      expect(manifest).toMatchObject({
        name: `demo-${kind}`,
        engines: { node: ">=20.19" },
        scripts: { check: "scripts/check" },
        devDependencies: { typescript: "6.0.3" },
      });
      const versions = devDependencyVersions(manifest);
      expect(versions.length).toBeGreaterThan(5);
      for (const version of versions) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    });

    it(
      "builds to dist/",
      async () => {
        const build = await run("npm", ["run", "build"], dir);
        expect(build.exitCode, build.output).toBe(0);
        if (kind === "cli") {
          const cli = await run("node", ["dist/cli.js", "T-9", "done"], dir);
          expect(cli.output.trim()).toBe("T-9 is finished");
        } else {
          await access(join(dir, "dist/index.d.ts"));
          const script =
            'import { parseTicketId } from "./dist/index.js"; console.log(parseTicketId("T-9").ok);';
          const lib = await run("node", ["--input-type=module", "-e", script], dir);
          expect(lib.output.trim()).toBe("true");
        }
        await rm(join(dir, "dist"), { recursive: true });
      },
      GATE_TIMEOUT,
    );
  });
}

describe("ts projects named by any accepted name", () => {
  const part = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/);
  const acceptedName = fc
    .tuple(fc.option(part, { nil: undefined }), part)
    .map(([scope, bare]) => (scope === undefined ? bare : `@${scope}/${bare}`))
    .filter((name) => tsLanguage.templateVars({ name, kind: "cli", module: undefined }).ok);

  it(
    "pass their gate",
    async () => {
      const names: string[] = [];
      await fc.assert(
        fc.asyncProperty(
          acceptedName,
          fc.constantFrom("cli" as const, "lib" as const),
          async (name, kind) => {
            names.push(name);
            // Installing once per name would only re-test npm: borrow an installed project's tree.
            const dir = await scaffoldOk(kind, ["--name", name, "--no-install"]);
            await symlink(
              join(await installedProject(kind), "node_modules"),
              join(dir, "node_modules"),
            );
            await expectGateGreen(dir);
          },
        ),
        propertyParameters("ts"),
      );
      expect(names).toHaveLength(propertyCases("ts"));
    },
    (propertyCases("ts") + 1) * (SCAFFOLD_TIMEOUT + GATE_TIMEOUT),
  );
});
