import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { pythonLanguage } from "../../src/lang/python.js";
import type { ProjectKind } from "../../src/lang/types.js";
import { expectGateFailsAt, expectGateGreen, plant, REPO_ROOT, run, scaffold } from "./support.js";
import { propertyCases, propertyParameters } from "./property-plan.js";

const SCAFFOLD_TIMEOUT = 300_000;
const GATE_TIMEOUT = 120_000;

interface Violation {
  readonly step: "format" | "lint" | "types" | "no-excuse" | "tests";
  readonly what: string;
  /** Relative to the package folder `src/<importName>/`, or to the project for tests/ and scripts/. */
  readonly path: string;
  readonly content: string;
  /** Text in the gate's output that shows it failed for this reason and not another. */
  readonly reason: string;
}

const violations: readonly Violation[] = [
  {
    step: "format",
    what: "badly spaced code",
    path: "planted.py",
    content: '"""Planted."""\nVALUE  =  1\n',
    reason: "planted.py:2:1",
  },
  {
    step: "lint",
    what: "an unused import",
    path: "planted.py",
    content: '"""Planted."""\n\nimport os\n',
    reason: "F401",
  },
  {
    step: "lint",
    what: "import asyncio",
    path: "planted.py",
    content: '"""Planted."""\n\nimport asyncio\n\nLOOP = asyncio.new_event_loop\n',
    reason: "`asyncio` is banned",
  },
  {
    step: "lint",
    what: "typing.Any",
    path: "planted.py",
    content: '"""Planted."""\n\nfrom typing import Any\n\nVALUE: Any = 1\n',
    reason: "`typing.Any` is banned",
  },
  {
    step: "types",
    what: "a wrong return type",
    path: "planted.py",
    content: [
      '"""Planted."""',
      "",
      "",
      "def half(value: int) -> str:",
      '    """Return half of value."""',
      "    return value // 2",
      "",
    ].join("\n"),
    reason: "reportReturnType",
  },
  {
    step: "no-excuse",
    what: "a dataclass that is not frozen",
    path: "planted.py",
    content: [
      '"""Planted."""',
      "",
      "from dataclasses import dataclass",
      "",
      "",
      "@dataclass(slots=True)",
      "class Point:",
      '    """A point that can be changed after it is made."""',
      "",
      "    x: int",
      "",
    ].join("\n"),
    reason: "frozen-dataclass",
  },
  {
    step: "lint",
    what: "an unused import in a script of scripts/",
    path: "scripts/tool.py",
    content: '"""Planted."""\n\nimport os\n',
    reason: "scripts/tool.py:3:8",
  },
  {
    step: "types",
    what: "a wrong return type in a script of scripts/",
    path: "scripts/tool.py",
    content:
      '"""Planted."""\n\n\ndef half(value: int) -> str:\n    """Halve."""\n    return value // 2\n',
    reason: "scripts/tool.py:6:12 - error",
  },
  {
    step: "tests",
    what: "a failing test",
    path: "tests/test_planted.py",
    content: [
      '"""Planted."""',
      "",
      "",
      "def test_planted_failure() -> None:",
      '    assert len("ab") == 3',
      "",
    ].join("\n"),
    reason: "test_planted_failure",
  },
];

const IDIOMS = join(REPO_ROOT, "test", "no-excuse", "python", "idioms");

/** Plants the idiomatic modules and their tests; returns the project paths written. */
async function plantIdioms(dir: string, importName: string): Promise<readonly string[]> {
  const files = [
    [`src/${importName}/config.py`, "config.py"],
    [`src/${importName}/fetch.py`, "fetch.py"],
    ["tests/test_idioms.py", "test_idioms.py"],
  ] as const;
  for (const [target, source] of files) {
    const text = await readFile(join(IDIOMS, source), "utf8");
    await plant(dir, target, text.replaceAll("IMPORT_NAME", importName));
  }
  return files.map(([target]) => target);
}

function importNameOf(name: string, kind: ProjectKind): string {
  const result = pythonLanguage.templateVars({ name, kind, module: undefined });
  if (!result.ok) throw new Error(`"${name}" is not a valid Python project name`);
  return result.vars["importName"] ?? "";
}

for (const kind of ["cli", "lib"] as const) {
  describe(`python ${kind} project`, () => {
    let dir = "";
    // support.ts scaffolds into a folder named demo-<kind>, and the project takes its name from it.
    const importName = importNameOf(`demo-${kind}`, kind);

    beforeAll(async () => {
      ({ dir } = await scaffold("python", kind));
    }, SCAFFOLD_TIMEOUT);

    it(
      "passes its own gate",
      async () => {
        await expectGateGreen(dir);
      },
      GATE_TIMEOUT,
    );

    it(
      kind === "cli" ? "installs a working command" : "is importable and has no command",
      async () => {
        const pyproject = await readFile(join(dir, "pyproject.toml"), "utf8");
        if (kind === "cli") {
          expect(pyproject).toContain("[project.scripts]");
          const greet = await run("uv", ["run", "--quiet", `demo-${kind}`, "Ada", "Grace"], dir);
          expect(greet.output).toBe("Hello, Ada!\nHello, Grace!\n");
          const blank = await run("uv", ["run", "--quiet", "python", "-m", importName, " "], dir);
          expect(blank.exitCode).toBe(2);
        } else {
          expect(pyproject).not.toContain("[project.scripts]");
          const script = `import ${importName}; print(${importName}.parse_name(" Ada "))`;
          const lib = await run("uv", ["run", "--quiet", "python", "-c", script], dir);
          expect(lib.output).toBe("Ada\n");
        }
      },
      GATE_TIMEOUT,
    );

    it("says the one command, tests first and small files once in AGENTS.md", async () => {
      const agents = await readFile(join(dir, "AGENTS.md"), "utf8");
      for (const phrase of [/the one command/gi, /tests first/gi, /small files/gi]) {
        expect(agents.match(phrase), String(phrase)).toHaveLength(1);
      }
    });

    it(
      "accepts idiomatic code: json.loads at a boundary, exceptions with data, a TODO, anyio",
      async () => {
        const planted = await plantIdioms(dir, importName);
        try {
          await expectGateGreen(dir);
        } finally {
          for (const file of planted) await rm(join(dir, file));
        }
      },
      GATE_TIMEOUT,
    );

    it.each(violations)(
      "fails at $step when $what is planted",
      async ({ step, path, content, reason }) => {
        const inProject = path.startsWith("tests/") || path.startsWith("scripts/");
        const relPath = inProject ? path : join("src", importName, path);
        await expectGateFailsAt(dir, { path: relPath, content, step, reason });
      },
      GATE_TIMEOUT,
    );
  });
}

describe("python projects named by any accepted name", () => {
  const acceptedName = fc
    .stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,14}[A-Za-z0-9]$/)
    .filter((name) => pythonLanguage.templateVars({ name, kind: "cli", module: undefined }).ok);

  it(
    "pass their gate",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          acceptedName,
          fc.constantFrom<ProjectKind>("cli", "lib"),
          async (name, kind) => {
            const { dir } = await scaffold("python", kind, ["--name", name]);
            await expectGateGreen(dir);
          },
        ),
        propertyParameters("python"),
      );
    },
    (propertyCases("python") + 1) * (SCAFFOLD_TIMEOUT + GATE_TIMEOUT),
  );
});
