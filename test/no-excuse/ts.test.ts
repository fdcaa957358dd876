import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseReport, type Report } from "./json-report.js";

// The checker runs where it is stored. It loads typescript from the checked folder first and
// then from beside itself, and beside itself is this repository, whose node_modules pins the
// same typescript 6.0.3 as the TS template; so fixtures need no node_modules of their own.
const checker = fileURLToPath(
  new URL("../../content/no-excuse/ts/files/scripts/no-excuse", import.meta.url),
);
const fixtures = fileURLToPath(new URL("./ts/fixtures", import.meta.url));
const filesTree = fileURLToPath(new URL("../../content/no-excuse/ts/files", import.meta.url));
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

interface Outcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function check(args: readonly string[], cwd = fixtures, env: NodeJS.ProcessEnv = {}): Outcome {
  const done = spawnSync(checker, args, { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  return { status: done.status, stdout: done.stdout, stderr: done.stderr };
}

function checkJson(args: readonly string[], cwd = fixtures): Report {
  const outcome = check([...args, "--json"], cwd);
  expect(outcome.stderr).toBe("");
  return parseReport(outcome.stdout);
}

function tempTree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "no-excuse-ts-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

const lines = (rule: string, at: readonly number[]): (readonly [number, string])[] =>
  at.map((line) => [line, rule] as const);

/** Each rule's flagged fixture and the [line, rule] pairs it must produce, in order. */
const flagged: Record<string, readonly (readonly [number, string])[]> = {
  "no-any": lines("no-any", [1, 1, 4, 5]),
  "no-cast": lines("no-cast", [2, 3, 4]),
  "no-non-null": lines("no-non-null", [2, 4, 6]),
  "no-ts-comment": lines("no-ts-comment", [1, 2, 4, 6]),
  "no-enum": lines("no-enum", [1, 4, 7]),
  "throw-error": lines("throw-error", [2, 3, 4, 5, 6, 7]),
  "no-export-let": lines("no-export-let", [1, 2, 5, 5]),
  "no-empty-catch": lines("no-empty-catch", [4, 7]),
  "catch-must-narrow": lines("catch-must-narrow", [4, 9, 14]),
  "eslint-disable-needs-reason": lines("eslint-disable-needs-reason", [1, 3, 4, 5, 7]),
  "file-too-long": lines("file-too-long", [1]),
  "opt-out-needs-reason": [
    [2, "no-cast"],
    [2, "opt-out-needs-reason"],
    [3, "opt-out-needs-reason"],
    [4, "no-cast"],
    [5, "opt-out-needs-reason"],
    [6, "no-cast"],
  ],
};

describe("no-excuse for TypeScript: every rule on its fixtures", () => {
  for (const [rule, expected] of Object.entries(flagged)) {
    it(`${rule}: flags the flagged fixture exactly`, () => {
      const report = checkJson([`${rule}/flagged.ts`]);
      expect(report.findings.map((f) => [f.line, f.rule])).toEqual(expected);
      expect(report.findings.every((f) => f.path === `${rule}/flagged.ts`)).toBe(true);
    });

    it(`${rule}: leaves the near miss alone`, () => {
      const outcome = check([`${rule}/near_miss.ts`]);
      expect(outcome.stdout).toBe("no-excuse: 1 file(s) checked, no findings\n");
      expect(outcome.status).toBe(0);
    });
  }

  it("reads .mjs, .tsx and .d.ts files, never JSX text, and nothing else", () => {
    const report = checkJson(["file-kinds"]);
    expect(report.files).toBe(4);
    expect(report.findings.map((f) => `${f.path}:${String(f.line)} ${f.rule}`)).toEqual([
      "file-kinds/flagged.d.ts:1 no-any",
      "file-kinds/flagged.mjs:4 no-empty-catch",
      "file-kinds/flagged.tsx:2 no-cast",
    ]);
  });
});

describe("no-excuse for TypeScript: command line", () => {
  it("prints path:line:col rule message and a summary, exiting 1 on findings", () => {
    const outcome = check(["no-enum/flagged.ts"]);
    expect(outcome.status).toBe(1);
    const message = "no-enum enum is not plain JavaScript; use a union of string literals";
    expect(outcome.stdout.split("\n")).toEqual([
      `no-enum/flagged.ts:1:1 ${message}`,
      `no-enum/flagged.ts:4:1 ${message}`,
      `no-enum/flagged.ts:7:1 ${message}`,
      "no-excuse: 3 finding(s) in 1 of 1 file(s)",
      "",
    ]);
  });

  it("checks one file well under a second, as the editing hook needs", () => {
    // The best of three warm runs: the capability, not the noise of a busy machine.
    const times = [0, 1, 2].map(() => {
      const start = performance.now();
      expect(check(["no-cast/flagged.ts"]).status).toBe(1);
      return performance.now() - start;
    });
    expect(Math.min(...times)).toBeLessThan(1000);
  });

  it("prints one JSON object with --json", () => {
    const outcome = check(["--json", "no-cast/flagged.ts"]);
    expect(outcome.status).toBe(1);
    const report = parseReport(outcome.stdout);
    expect(report.files).toBe(1);
    expect(report.findings[0]).toEqual({
      path: "no-cast/flagged.ts",
      line: 2,
      column: 18,
      rule: "no-cast",
      message: "an as/<T> assertion is unchecked; narrow with a type guard (as const is fine)",
    });
  });

  it("checks several path arguments, and every file under a folder", () => {
    const two = checkJson(["no-cast/flagged.ts", "no-enum"]);
    expect(two.files).toBe(3);
    expect(new Set(two.findings.map((f) => f.rule))).toEqual(new Set(["no-cast", "no-enum"]));
    expect(checkJson(["."]).files).toBe(28);
  });

  it("exits 2 on usage errors and missing input", () => {
    const unknown = check(["--nope"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown option --nope");
    const missing = check(["missing.ts"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no such file or directory");
    expect(check(["--max-lines", "zero"]).status).toBe(2);
    expect(check([], fixtures, { NO_EXCUSE_MAX_LINES: "-3" }).status).toBe(2);
  });

  it("takes the line limit from --max-lines or NO_EXCUSE_MAX_LINES", () => {
    expect(check(["--max-lines", "251", "file-too-long"]).status).toBe(0);
    expect(check(["--max-lines=251", "file-too-long"]).status).toBe(0);
    const env = { NO_EXCUSE_MAX_LINES: "100" };
    const outcome = check(["file-too-long/near_miss.ts"], fixtures, env);
    expect(outcome.stdout).toContain("250 lines, the limit is 100");
    expect(check(["--max-lines", "300", "file-too-long"], fixtures, env).status).toBe(0);
  });
});

describe("no-excuse for TypeScript: files and the compiler", () => {
  it("honours .gitignore files, negations and nested ones, and skips dot folders", () => {
    const bad = "export enum E {\n  A,\n}\n";
    const root = tempTree({
      ".gitignore": "dist/\n*.gen.ts\n!keep.gen.ts\n/top.ts\n",
      "src/app.ts": bad,
      "src/api.gen.ts": bad,
      "src/keep.gen.ts": bad,
      "src/top.ts": bad,
      "top.ts": bad,
      "dist/app.js": "try {} catch {}\n",
      "pkg/.gitignore": "local.ts\n",
      "pkg/local.ts": bad,
      "pkg/other.ts": bad,
      ".cache/x.ts": bad,
      "node_modules/dep/index.ts": bad,
    });
    const checked = ["pkg/other.ts", "src/app.ts", "src/keep.gen.ts", "src/top.ts"];
    expect(checkJson(["."], root).findings.map((f) => f.path)).toEqual(checked);
    expect(checkJson(["pkg"], root).findings.map((f) => f.path)).toEqual(["pkg/other.ts"]);
    expect(checkJson(["pkg/local.ts"], root).files).toBe(1);
  });

  it("checks the whole project it lives in when given no path, from any folder", () => {
    // Under this repository, so that the copied checker still finds typescript by walking up.
    const parent = path.join(repoRoot, ".tmp");
    mkdirSync(parent, { recursive: true });
    const root = mkdtempSync(path.join(parent, "no-excuse-ts-"));
    cpSync(filesTree, root, { recursive: true });
    for (const [name, content] of Object.entries({
      ".gitignore": "build/\n",
      "src/pkg/bad.ts": "export enum E {\n  A,\n}\n",
      "build/bad.ts": "export enum E {\n  A,\n}\n",
    })) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), content);
    }
    const run = (args: string[], cwd: string): Report =>
      parseReport(
        spawnSync(path.join(root, "scripts", "no-excuse"), [...args, "--json"], {
          cwd,
          encoding: "utf8",
        }).stdout,
      );
    const fromSrc = run([], path.join(root, "src"));
    expect(fromSrc.files).toBe(6);
    expect(fromSrc.findings.map((f) => f.path)).toEqual(["pkg/bad.ts"]);
    expect(run(["."], path.join(root, "src")).files).toBe(1);
    expect(run([], path.join(root, "build")).findings.map((f) => f.path)).toEqual([
      path.join(root, "src", "pkg", "bad.ts"),
    ]);
    rmSync(root, { recursive: true, force: true });
  });

  it("loads the checked project's own typescript, once per run", () => {
    const real = createRequire(import.meta.url).resolve("typescript");
    const root = tempTree({
      "package.json": "{}\n",
      "node_modules/typescript/package.json": '{ "name": "typescript", "main": "index.js" }\n',
      "node_modules/typescript/index.js": [
        'process.stderr.write("project typescript loaded\\n");',
        `module.exports = require(${JSON.stringify(real)});`,
        "",
      ].join("\n"),
      "src/a.ts": "export const a = 1;\n",
      "src/b.ts": "export const b = 2;\n",
      "src/c.ts": "export const c = 3;\n",
    });
    const outcome = check(["src"], root);
    expect(outcome.stderr).toBe("project typescript loaded\n");
    expect(outcome.stdout).toBe("no-excuse: 3 file(s) checked, no findings\n");
  });
});
