import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../e2e/support.js";
import { makeGoProject } from "./go-project.js";
import { check, checkJson, linesOf, plantFile, repoRoot } from "./native-harness.js";

/** Each flagged fixture and the `line:rule` findings it must produce, in order. */
const flagged: Readonly<Record<string, readonly string[]>> = {
  "noany/flag.go": ["5:no-any", "8:no-any", "14:no-any", "18:no-any", "25:no-any", "28:no-any"],
  "ignorederror/flag.go": [11, 12, 14, 15, 16].map((line) => `${String(line)}:no-ignored-error`),
  "nolint/flag.go": [4, 6, 8, 11, 13].map((line) => `${String(line)}:nolint-needs-reason`),
  "nopanic/flag.go": ["7:no-panic"],
  "noinit/flag.go": ["4:no-init"],
  "globalvar/flag.go": [6, 9, 10, 11, 15, 18].map((line) => `${String(line)}:no-global-var`),
  "native/flag.go": [
    "6:no-global-var",
    "6:nolint-needs-reason",
    "10:no-ignored-error",
    "10:nolint-needs-reason",
    "14:no-init",
    "14:nolint-needs-reason",
  ],
  "long/flag.go": ["1:file-too-long"],
  "optout/flag.go": [
    "7:no-panic",
    "7:opt-out-needs-reason",
    "10:opt-out-needs-reason",
    "11:no-panic",
    "13:opt-out-unknown-rule",
    "14:no-panic",
  ],
  "optout/stale.go": [
    "7:stale-opt-out",
    "11:no-ignored-error",
    "11:opt-out-use-nolint",
    "12:stale-opt-out",
  ],
};

/** Look-alikes each rule must leave alone: strings, comments, tests, main, generics, methods. */
const nearMisses = [
  "noany/near.go",
  "ignorederror/near.go",
  "nolint/near.go",
  "nopanic/near.go",
  "nopanic/near_test.go",
  "nopanic/cmd/tool/main.go",
  "noinit/near.go",
  "globalvar/near.go",
  "long/near.go",
  "long/near_test.go",
  "native/near.go",
  "optout/near.go",
  "clean/clean.go",
];

let dir = "";

beforeAll(async () => {
  dir = makeGoProject();
  plantFile(dir, ".gitignore", "ignored/\n");
  // The first run builds the checker and compiles the export data go/types reads.
  const warm = await check(dir, ["clean/clean.go"]);
  expect(warm.stderr).toBe("");
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("Go no-excuse checker", () => {
  it.each(Object.entries(flagged))("flags exactly what %s plants", async (file, expected) => {
    const report = await checkJson(dir, [file]);
    expect(linesOf(report, file)).toEqual(expected);
    expect(report.findings.every((f) => f.path === file)).toBe(true);
  });

  it("leaves every near miss alone", async () => {
    const report = await checkJson(dir, nearMisses);
    expect(report.findings).toEqual([]);
    expect(report.files).toBe(nearMisses.length);
  });

  it("walks the whole project without paths, honouring .gitignore", async () => {
    const report = await checkJson(dir, []);
    const paths = new Set(report.findings.map((f) => f.path));
    expect([...paths].sort()).toEqual(Object.keys(flagged).sort());
    const explicit = await checkJson(dir, ["ignored/bad.go"]);
    expect(linesOf(explicit, "ignored/bad.go")).toEqual(["4:no-panic"]);
  });

  it("applies .gitignore globs, negations and nested files when walking a sub-folder", async () => {
    const panics = (pkg: string): string =>
      `package ${pkg}\n\n// F panics.\nfunc F() { panic("x") }\n`;
    mkdirSync(path.join(dir, "gen", "sub"), { recursive: true });
    plantFile(dir, ".gitignore", "ignored/\n*.gen.go\n!keep.gen.go\n");
    plantFile(dir, "gen/a.gen.go", panics("gen"));
    plantFile(dir, "gen/keep.gen.go", panics("gen"));
    plantFile(dir, "gen/sub/.gitignore", "/local.go\n");
    plantFile(dir, "gen/sub/local.go", panics("sub"));
    plantFile(dir, "gen/sub/shared.go", panics("sub"));
    try {
      const report = await checkJson(dir, ["gen"]);
      expect(report.findings.map((f) => f.path)).toEqual(["gen/keep.gen.go", "gen/sub/shared.go"]);
    } finally {
      rmSync(path.join(dir, "gen"), { recursive: true });
      plantFile(dir, ".gitignore", "ignored/\n");
    }
  });

  it("falls back to what syntax proves when there is no module to take types from", async () => {
    const loose = mkdtempSync(path.join(tmpdir(), "no-excuse-go-loose-"));
    const file = path.join(loose, "loose.go");
    const source = [
      "package loose",
      "",
      'import "os"',
      "",
      "// F drops errors.",
      "func F(p string) {",
      "\tos.Remove(p)",
      "\terr := os.Chdir(p)",
      "\t_ = err",
      "}",
      "",
    ];
    writeFileSync(file, source.join("\n"));
    try {
      const report = await checkJson(dir, [file]);
      // Without types the dropped os.Remove result cannot be proven; `_ = err` still can.
      expect(linesOf(report, file)).toEqual(["9:no-ignored-error"]);
    } finally {
      rmSync(loose, { recursive: true, force: true });
    }
  });

  it("checks a folder given as a path", async () => {
    const report = await checkJson(dir, ["nopanic"]);
    expect(report.findings.map((f) => `${f.path}:${String(f.line)}:${f.rule}`)).toEqual([
      "nopanic/flag.go:7:no-panic",
    ]);
    expect(report.files).toBe(4);
  });

  it("passes over files that are not Go, as the editing hook may hand it any file", async () => {
    const result = await check(dir, ["go.mod"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe("no-excuse: 0 file(s) checked, no findings\n");
  });

  it("prints path:line:col rule message and a summary, exiting 1 on findings", async () => {
    const result = await check(dir, ["nopanic/flag.go"]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout.split("\n")).toEqual([
      "nopanic/flag.go:7:3 no-panic panic outside main and tests: return an error instead",
      "no-excuse: 1 finding(s) in 1 of 1 file(s)",
      "",
    ]);
  });

  it("checks one file well under a second once built, as the editing hook needs", async () => {
    await check(dir, ["nopanic/flag.go"]);
    // The best of three warm runs: the capability, not the noise of a busy machine.
    const times: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const start = performance.now();
      expect((await check(dir, ["nopanic/flag.go"])).exitCode).toBe(1);
      times.push(performance.now() - start);
    }
    expect(Math.min(...times)).toBeLessThan(1000);
  });

  it("exits 0 with one summary line when clean", async () => {
    const result = await check(dir, ["clean/clean.go"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe("no-excuse: 1 file(s) checked, no findings\n");
  });

  it("exits 2 on a missing path, an unknown option, a bad limit and unparsable Go", async () => {
    const broken = "clean/broken.go";
    plantFile(dir, broken, "package clean\nfunc {\n");
    const cases = [["no/such/file.go"], ["--frobnicate"], ["--max-lines", "zero"], [broken]];
    for (const args of cases) {
      const result = await check(dir, args);
      expect({ args, exitCode: result.exitCode }).toEqual({ args, exitCode: 2 });
      expect(result.stderr).toMatch(/^no-excuse: /);
    }
    rmSync(path.join(dir, broken));
  });

  it("takes the line limit from --max-lines or NO_EXCUSE_MAX_LINES", async () => {
    expect((await check(dir, ["long/flag.go", "--max-lines", "251"])).exitCode).toBe(0);
    const strict = await check(dir, ["clean/clean.go"], { NO_EXCUSE_MAX_LINES: "10" });
    expect(strict.stdout).toContain(
      "clean/clean.go:1:1 file-too-long file has 15 lines, the limit is 10",
    );
  });

  it("passes its own rules and the project's strict golangci-lint config", async () => {
    const checker = ".litclaude/no-excuse/go";
    const own = await checkJson(dir, [checker]);
    expect(own.findings).toEqual([]);
    expect(own.files).toBeGreaterThan(10);
    // The checker is a module of its own, which the project's lint never sees: lint it here with
    // the project's config.
    const config = readFileSync(
      path.join(repoRoot, "templates/go/common/_golangci.yml.hbs"),
      "utf8",
    ).replaceAll("{{module}}", "litclaude.invalid/no-excuse");
    plantFile(dir, "lint-config.yml", config);
    const cwd = path.join(dir, checker);
    const configFlag = `--config=${path.join(dir, "lint-config.yml")}`;
    const lint = await run("golangci-lint", ["run", "--allow-serial-runners", configFlag], cwd);
    expect(lint.output).not.toMatch(/\.go:\d+:\d+/);
    expect(lint.exitCode, lint.output).toBe(0);
    const format = await run("golangci-lint", ["fmt", "--diff", configFlag], cwd);
    expect(format.output).toBe("");
    expect(format.exitCode, format.output).toBe(0);
  }, 300_000);
});
