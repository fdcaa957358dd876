import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { goLanguage } from "../../src/lang/go.js";
import type { ProjectKind } from "../../src/lang/types.js";
import { staleOptOut } from "../no-excuse/go-gate-cases.js";
import { expectGateFailsAt, expectGateGreen, pathExists, run, scaffold } from "./support.js";
import { propertyCases, propertyParameters } from "./property-plan.js";

// A cold machine builds the pinned golangci-lint during install, and the first gate builds the
// race runtime; later runs come from Go's build cache.
const SCAFFOLD_TIMEOUT = 600_000;
const GATE_TIMEOUT = 300_000;

interface Violation {
  readonly step: "format" | "lint" | "types" | "no-excuse" | "tests";
  readonly what: string;
  /** A new file in internal/greet (a package both kinds have), removed afterwards. */
  readonly file: string;
  readonly code: string;
  /** Text in the gate's output that shows it failed for this reason and not another. */
  readonly reason: string;
}

const violations: readonly Violation[] = [
  {
    step: "format",
    what: "badly spaced code",
    file: "planted.go",
    code: "package greet\n\nfunc  planted() int { return 1 }\n",
    reason: "-func  planted() int { return 1 }",
  },
  {
    step: "lint",
    what: "an error assigned to _",
    file: "planted.go",
    code: 'package greet\n\nimport "os"\n\n// Planted drops an error.\nfunc Planted() {\n\t_ = os.Remove("x")\n}\n',
    reason: "Error return value of `os.Remove` is not checked (errcheck)",
  },
  {
    step: "lint",
    what: "a //nolint without a reason",
    file: "planted.go",
    code: 'package greet\n\nimport "os"\n\n// Planted silences linters.\nfunc Planted() {\n\tos.Remove("x") //nolint:errcheck,gosec\n}\n',
    reason: "include an explanation for nolint directive",
  },
  {
    step: "lint",
    what: "a go vet finding in code that compiles",
    file: "planted.go",
    code: 'package greet\n\nimport "fmt"\n\n// Planted formats badly.\nfunc Planted() string {\n\treturn fmt.Sprintf("%d", "x")\n}\n',
    reason: "fmt.Sprintf format %d has arg",
  },
  {
    step: "no-excuse",
    what: "an opt-out with nothing left to silence",
    file: staleOptOut.file,
    code: staleOptOut.code,
    reason: staleOptOut.reason,
  },
  {
    step: "types",
    what: "a value of the wrong type",
    file: "planted.go",
    code: 'package greet\n\n// Planted is not an int.\nconst Planted int = "one"\n',
    reason: 'cannot use "one"',
  },
  {
    step: "no-excuse",
    what: "a panic in library code",
    file: "planted.go",
    code: 'package greet\n\n// Planted gives up instead of returning an error.\nfunc Planted(ok bool) int {\n\tif !ok {\n\t\tpanic("not ok")\n\t}\n\n\treturn 1\n}\n',
    reason: "no-panic",
  },
  {
    step: "tests",
    what: "a failing test",
    file: "planted_test.go",
    code: [
      "package greet",
      "",
      'import "testing"',
      "",
      "func TestPlantedFailure(t *testing.T) {",
      "\tt.Parallel()",
      '\tif got := StyleShout.String(); got != "loud" {',
      '\t\tt.Errorf("StyleShout.String() = %q, want %q", got, "loud")',
      "\t}",
      "}",
      "",
    ].join("\n"),
    reason: "TestPlantedFailure",
  },
];

function goPackageOf(name: string, kind: ProjectKind): string {
  const result = goLanguage.templateVars({ name, kind, module: undefined });
  if (!result.ok) throw new Error(`"${name}" is not a valid Go project name`);
  return result.vars["goPackage"] ?? "";
}

for (const kind of ["cli", "lib"] as const) {
  describe(`go ${kind} project`, () => {
    let dir = "";
    // support.ts scaffolds into a folder named demo-<kind>, and the project takes its name from it.
    const name = `demo-${kind}`;

    beforeAll(async () => {
      ({ dir } = await scaffold("go", kind));
    }, SCAFFOLD_TIMEOUT);

    it(
      "passes its own gate",
      async () => {
        await expectGateGreen(dir);
      },
      GATE_TIMEOUT,
    );

    it("has a CI workflow that passes actionlint", async () => {
      const lint = await run("actionlint", [".github/workflows/ci.yml"], dir);
      expect(lint.output).toBe("");
      expect(lint.exitCode).toBe(0);
    });

    it(
      kind === "cli" ? "builds a working command" : "is a library with no command",
      async () => {
        const goMod = await readFile(join(dir, "go.mod"), "utf8");
        expect(goMod).toBe(`module example.com/${name}\n\ngo 1.26.0\n`);
        if (kind === "cli") {
          const main = `./cmd/${name}`;
          const ok = await run("go", ["run", main, "-name", "Ada", "-style", "shout"], dir);
          expect(ok.output).toBe("HELLO, ADA.\n");
          const bad = await run("go", ["run", main, "-name", "Ada", "-style", "whisper"], dir);
          expect(bad.output).toContain(`${name}: -style: unknown style "whisper"`);
          // go run reports the program's non-zero status as its own exit 1.
          expect(bad.exitCode).not.toBe(0);
        } else {
          expect(await pathExists(join(dir, "cmd"))).toBe(false);
          const pkg = goPackageOf(name, kind);
          const api = await readFile(join(dir, `${pkg}.go`), "utf8");
          expect(api).toContain(`package ${pkg}\n`);
        }
      },
      GATE_TIMEOUT,
    );

    it("keeps the checker out of the module: ./... and go vet never see it", async () => {
      const list = await run("go", ["list", "./..."], dir);
      expect(list.exitCode, list.output).toBe(0);
      expect(list.output).not.toContain("no-excuse");
      expect(await pathExists(join(dir, "tools"))).toBe(false);
      expect(await pathExists(join(dir, ".litclaude", "no-excuse", "go", "go.mod"))).toBe(true);
    });

    it("shares no errors.As target between parallel cases (a data race once a row is copied)", async () => {
      const tests = await testFiles(dir);
      expect(tests.length).toBeGreaterThan(1);
      for (const file of tests) {
        const text = await readFile(file, "utf8");
        // A test function whose cases run in t.Run and that declares an error target at its top.
        const shared = text
          .split("\nfunc ")
          .filter((fn) => fn.includes("t.Run(") && /^\tvar \w+ \*[\w.]+\n/m.test(fn))
          .map((fn) => fn.slice(0, fn.indexOf("(")));
        expect({ file, shared }).toEqual({ file, shared: [] });
      }
    });

    it.each(violations)(
      "fails at $step when $what is planted",
      async ({ step, file, code, reason }) => {
        const path = join("internal", "greet", file);
        await expectGateFailsAt(dir, { path, content: code, step, reason });
      },
      GATE_TIMEOUT,
    );
  });
}

async function testFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter(
      (e) => e.isFile() && e.name.endsWith("_test.go") && !e.parentPath.includes(".litclaude"),
    )
    .map((e) => join(e.parentPath, e.name));
}

describe("go projects named by any accepted name", () => {
  const acceptedName = fc
    .stringMatching(/^[a-z][a-z0-9-]{0,15}$/)
    .filter((name) => goLanguage.templateVars({ name, kind: "lib", module: undefined }).ok);

  it(
    "pass their gate",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          acceptedName,
          fc.constantFrom<ProjectKind>("cli", "lib"),
          async (name, kind) => {
            const { dir } = await scaffold("go", kind, ["--name", name, "--no-install"]);
            await expectGateGreen(dir);
          },
        ),
        propertyParameters("go"),
      );
    },
    (propertyCases("go") + 1) * GATE_TIMEOUT,
  );
});
