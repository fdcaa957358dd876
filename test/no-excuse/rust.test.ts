import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../e2e/support.js";
import { check, checkJson, linesOf, plantFile, repoRoot } from "./native-harness.js";
import { CHECKER, makeRustProject } from "./rust-project.js";

const at = (rule: string, ...lines: number[]): string[] =>
  lines.map((line) => `${String(line)}:${rule}`);

/** Each flagged fixture and the `line:rule` findings it must produce, in order. */
const flagged: Readonly<Record<string, readonly string[]>> = {
  "src/unwrap_flag.rs": at("no-unwrap", 4, 6, 7, 8),
  "src/expect_flag.rs": at("no-expect", 4, 5),
  "src/panic_flag.rs": at("no-panic", 5, 7),
  "src/todo_flag.rs": at("no-todo", 4, 8),
  "src/allow_flag.rs": at("allow-needs-reason", 3, 6, 11),
  "src/crate_allow_flag.rs": at("no-crate-allow", 1, 2),
  "src/unsafe_flag.rs": at("no-unsafe", 4, 7, 9),
  "src/cast_flag.rs": at("no-numeric-cast", 6, 6, 6, 6, 6, 10, 10, 10),
  "src/ignored_flag.rs": at("no-ignored-error", 6, 7, 8, 9, 11, 12, 13, 14, 15, 17, 18, 20, 23),
  "src/native_flag.rs": [
    "3:allow-needs-reason",
    "5:no-numeric-cast",
    "10:no-numeric-cast",
    "19:no-numeric-cast",
    "24:no-unwrap",
  ],
  "src/stale_flag.rs": ["4:opt-out-unused", "7:opt-out-unknown-rule", "8:opt-out-unknown-rule"],
  "src/build.rs": at("no-unwrap", 4),
  "src/long_flag.rs": at("file-too-long", 1),
  "src/regions_flag.rs": at("no-unwrap", 12, 17, 22),
  "src/optout_flag.rs": [
    "4:no-unwrap",
    "4:opt-out-needs-reason",
    "5:opt-out-needs-reason",
    "6:no-unwrap",
    "7:opt-out-unknown-rule",
    "8:no-unwrap",
    "10:no-unwrap",
  ],
};

/** Look-alikes each rule must leave alone: strings, raw strings, comments, tests, main, names. */
const nearMisses = [
  "src/unwrap_near.rs",
  "src/expect_near.rs",
  "src/panic_near.rs",
  "src/todo_near.rs",
  "src/allow_near.rs",
  "src/crate_allow_near.rs",
  "src/unsafe_near.rs",
  "src/ffi.rs",
  "src/cast_near.rs",
  "src/ignored_near.rs",
  "src/native_near.rs",
  "build.rs",
  "examples/demo.rs",
  "examples/tour/main.rs",
  "src/long_near.rs",
  "src/optout_near.rs",
  "src/lexing_near.rs",
  "src/inner_test_near.rs",
  "src/parser/tests.rs",
  "src/main.rs",
  "src/bin/tool.rs",
  "tests/api.rs",
];

let dir = "";

beforeAll(async () => {
  dir = await makeRustProject(true);
  plantFile(dir, ".gitignore", "/target/\nignored/\n");
  // The first run compiles the checker into target/litclaude-no-excuse.
  const warm = await check(dir, ["src/ffi.rs"]);
  expect(warm.stderr).toBe("");
  expect(warm.exitCode).toBe(0);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("Rust no-excuse checker", () => {
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
    const explicit = await checkJson(dir, ["ignored/bad.rs"]);
    expect(linesOf(explicit, "ignored/bad.rs")).toEqual(["4:no-unwrap"]);
  });

  it("applies .gitignore globs, negations and nested files when walking a sub-folder", async () => {
    const unwraps = "pub fn f(x: Option<u8>) -> u8 {\n    x.unwrap()\n}\n";
    mkdirSync(path.join(dir, "gen", "sub"), { recursive: true });
    plantFile(dir, ".gitignore", "/target/\nignored/\n*.gen.rs\n!keep.gen.rs\n");
    plantFile(dir, "gen/a.gen.rs", unwraps);
    plantFile(dir, "gen/keep.gen.rs", unwraps);
    plantFile(dir, "gen/sub/.gitignore", "/local.rs\n");
    plantFile(dir, "gen/sub/local.rs", unwraps);
    plantFile(dir, "gen/sub/shared.rs", unwraps);
    try {
      const report = await checkJson(dir, ["gen"]);
      expect(report.findings.map((f) => f.path)).toEqual(["gen/keep.gen.rs", "gen/sub/shared.rs"]);
    } finally {
      rmSync(path.join(dir, "gen"), { recursive: true });
      plantFile(dir, ".gitignore", "/target/\nignored/\n");
    }
  });

  it("checks a folder given as a path", async () => {
    const report = await checkJson(dir, ["tests"]);
    expect(report.findings).toEqual([]);
    expect(report.files).toBe(1);
  });

  it("judges test and main files from the crate root, not from where the project lives", async () => {
    const outer = mkdtempSync(path.join(tmpdir(), "no-excuse-rust-place-"));
    const moved = path.join(outer, "tests", "project");
    cpSync(dir, moved, { recursive: true });
    try {
      const flaggedFile = path.join(moved, "src", "unwrap_flag.rs");
      const mainFile = path.join(moved, "src", "main.rs");
      const report = await checkJson(moved, [flaggedFile, mainFile]);
      expect(linesOf(report, flaggedFile)).toEqual(flagged["src/unwrap_flag.rs"]);
      expect(linesOf(report, mainFile)).toEqual([]);
    } finally {
      rmSync(outer, { recursive: true, force: true });
    }
  });

  it("passes over files that are not Rust, as the editing hook may hand it any file", async () => {
    const result = await check(dir, ["Cargo.toml"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe("no-excuse: 0 file(s) checked, no findings\n");
  });

  it("prints path:line:col rule message and a summary, exiting 1 on findings", async () => {
    const result = await check(dir, ["src/todo_flag.rs"]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout.split("\n")).toEqual([
      "src/todo_flag.rs:4:5 no-todo todo! is unfinished code: finish it or return an error",
      "src/todo_flag.rs:8:5 no-todo unimplemented! is unfinished code: finish it or return an error",
      "no-excuse: 2 finding(s) in 1 of 1 file(s)",
      "",
    ]);
  });

  it("checks one file well under a second once built, as the editing hook needs", async () => {
    await check(dir, ["src/unwrap_flag.rs"]);
    // The best of three warm runs: the capability, not the noise of a busy machine.
    const times: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const start = performance.now();
      expect((await check(dir, ["src/unwrap_flag.rs"])).exitCode).toBe(1);
      times.push(performance.now() - start);
    }
    expect(Math.min(...times)).toBeLessThan(1000);
  });

  it("exits 0 with one summary line when clean", async () => {
    const result = await check(dir, ["src/ffi.rs"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe("no-excuse: 1 file(s) checked, no findings\n");
  });

  it("exits 2 on a missing path, an unknown option and a bad limit", async () => {
    for (const args of [
      ["no/such/file.rs"],
      ["--frobnicate"],
      ["--max-lines", "zero"],
      ["--max-lines"],
    ]) {
      const result = await check(dir, args);
      expect({ args, exitCode: result.exitCode }).toEqual({ args, exitCode: 2 });
      expect(result.stderr).toMatch(/^no-excuse: /);
    }
  });

  it("takes the line limit from --max-lines or NO_EXCUSE_MAX_LINES", async () => {
    expect((await check(dir, ["src/long_flag.rs", "--max-lines=251"])).exitCode).toBe(0);
    const strict = await check(dir, ["src/ffi.rs"], { NO_EXCUSE_MAX_LINES: "3" });
    expect(strict.stdout).toContain(
      "src/ffi.rs:1:1 file-too-long file has 7 lines outside #[cfg(test)] code, the limit is 3",
    );
  });

  it("passes its own rules, rustfmt and the lints the Rust template sets", async () => {
    const own = await checkJson(dir, [CHECKER]);
    expect(own.findings).toEqual([]);
    expect(own.files).toBeGreaterThan(5);
    // Lint a copy whose [lints] tables are the template's current ones, so the two cannot drift.
    const copy = mkdtempSync(path.join(tmpdir(), "no-excuse-rust-lint-"));
    cpSync(path.join(dir, CHECKER), copy, { recursive: true });
    const manifest = readFileSync(path.join(copy, "Cargo.toml"), "utf8");
    const template = readFileSync(
      path.join(repoRoot, "templates/rust/common/Cargo.toml.hbs"),
      "utf8",
    );
    const lints = (text: string): number => text.indexOf("[lints.rust]");
    expect(lints(manifest)).toBeGreaterThan(0);
    expect(lints(template)).toBeGreaterThan(0);
    writeFileSync(
      path.join(copy, "Cargo.toml"),
      manifest.slice(0, lints(manifest)) + template.slice(lints(template)),
    );
    try {
      const format = await run("cargo", ["fmt", "--check"], copy);
      expect(format.output).toBe("");
      const clippy = await run("cargo", ["clippy", "--quiet", "--", "-D", "warnings"], copy);
      expect(clippy.output).toBe("");
      expect(clippy.exitCode).toBe(0);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 300_000);
});
