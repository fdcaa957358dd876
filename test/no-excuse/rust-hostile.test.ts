import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check, checkJson, linesOf, plantFile } from "./native-harness.js";
import { checkAsUser, makeRustProject } from "./rust-project.js";

let dir = "";

/** Projects made inside a test reuse the first one's build of the checker (keyed by its sources). */
const sharedTarget = (): Record<string, string> => ({ CARGO_TARGET_DIR: path.join(dir, "target") });

beforeAll(async () => {
  dir = await makeRustProject(true);
  plantFile(dir, ".gitignore", "/target/\n");
  const warm = await check(dir, ["src/ffi.rs"]);
  expect(warm.exitCode, warm.stderr).toBe(0);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Plants files for one test and removes them afterwards, whatever happens. */
async function withFiles(
  files: Readonly<Record<string, string | Buffer>>,
  body: () => Promise<void>,
): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  try {
    await body();
  } finally {
    for (const rel of Object.keys(files)) rmSync(path.join(dir, rel), { force: true });
  }
}

describe("Rust no-excuse checker on hostile input", () => {
  it("is not thrown by a .gitignore with a reversed range or invalid UTF-8", async () => {
    await withFiles(
      { "odd/.gitignore": Buffer.from("[z-a]\n\xff\xfe*.rs\n", "latin1") },
      async () => {
        plantFile(dir, "odd/kept.rs", "pub fn f() { todo!() }\n");
        const report = await checkJson(dir, ["odd"]);
        expect(linesOf(report, "odd/kept.rs")).toEqual(["1:no-todo"]);
        rmSync(path.join(dir, "odd", "kept.rs"));
      },
    );
  });

  it("skips a dangling symlink, as cargo does, walking or named", async () => {
    const link = path.join(dir, "src", ".#lib.rs");
    symlinkSync("nobody@host.1234", link);
    try {
      const walked = await check(dir, ["src"]);
      expect(walked.stderr).toBe("");
      expect(walked.exitCode).toBe(1);
      const named = await check(dir, ["src/.#lib.rs"]);
      expect(named.stdout).toBe("no-excuse: 0 file(s) checked, no findings\n");
      expect(named.exitCode).toBe(0);
    } finally {
      rmSync(link);
    }
  });

  it("exits 2 naming an unreadable folder or file", async () => {
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, ".."), 0o755);
    const locked = path.join(dir, "locked");
    mkdirSync(locked, { mode: 0o755 });
    writeFileSync(path.join(locked, "secret.rs"), "pub fn f() {}\n");
    try {
      chmodSync(path.join(locked, "secret.rs"), 0o000);
      const file = await checkAsUser(dir, ["locked/secret.rs"]);
      expect(file.exitCode).toBe(2);
      expect(file.stderr).toMatch(/^no-excuse: cannot read locked\/secret\.rs: .*denied/i);
      chmodSync(locked, 0o000);
      const walked = await checkAsUser(dir, ["."]);
      expect(walked.exitCode).toBe(2);
      expect(walked.stderr).toMatch(/^no-excuse: .*locked.*denied/i);
      // The same user trusting the repository, so that git lists the files and warns.
      const trusted = {
        GIT_CONFIG_COUNT: "1",
        GIT_CONFIG_KEY_0: "safe.directory",
        GIT_CONFIG_VALUE_0: "*",
      };
      const listed = await checkAsUser(dir, ["."], trusted);
      expect(listed.exitCode).toBe(2);
      expect(listed.stderr).toMatch(
        /^no-excuse: cannot list the files under \.: git says .*locked.*denied/i,
      );
    } finally {
      chmodSync(locked, 0o755);
      rmSync(locked, { recursive: true });
    }
  });

  it.each([
    ["an unterminated string", 'pub const S: &str = "open;\n', "1:21", "never closed"],
    ["an unterminated comment", "pub fn f() {}\n/* open\n", "2:1", "never closed"],
    [
      "an unclosed bracket",
      "pub fn f() {\n    (1, 2\n}\n",
      "3:1",
      "does not match the one opened at 2:5",
    ],
    ["an unclosed bracket at the end", "pub fn f() {\n", "1:12", "never closed"],
    ["a stray closing bracket", "pub fn f() {}\n}\n", "2:1", "matches no opening"],
  ])("exits 2 naming a file with %s", async (_what, text, where, why) => {
    await withFiles({ "src/broken.rs": text }, async () => {
      const result = await check(dir, ["src/broken.rs"]);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain(`no-excuse: src/broken.rs:${where}: not Rust`);
      expect(result.stderr).toContain(why);
    });
  });

  it("exits 2 naming a file that is not UTF-8", async () => {
    await withFiles(
      { "src/latin.rs": Buffer.from('// ok\npub const S: &str = "\xe9";\n', "latin1") },
      async () => {
        const result = await check(dir, ["src/latin.rs"]);
        expect(result.exitCode).toBe(2);
        expect(result.stderr).toBe(
          "no-excuse: src/latin.rs:2: not UTF-8, so rustc cannot read it either\n",
        );
      },
    );
  });

  it("reports a huge file as too large without reading it all, fast", async () => {
    const huge = "pub fn f() -> u8 { 1 }\n".repeat(200_000);
    await withFiles({ "src/huge.rs": huge, "src/small.rs": "pub fn g() {}\n" }, async () => {
      const start = performance.now();
      const report = await checkJson(dir, ["src/huge.rs", "src/small.rs"]);
      expect(performance.now() - start).toBeLessThan(1000);
      expect(linesOf(report, "src/huge.rs")).toEqual(["1:file-too-large"]);
      expect(linesOf(report, "src/small.rs")).toEqual([]);
    });
  });

  it("takes a 5,000-term expression and 5,000 nested brackets in its stride", async () => {
    const terms = `pub const N: u32 = ${Array.from({ length: 5000 }, () => "1").join(" + ")};\n`;
    const nested = `pub const M: u32 = ${"(".repeat(5000)}1${")".repeat(5000)};\n`;
    const tests = `#[cfg(test)]\n${"mod t {\n".repeat(2000)}fn x() { None::<u8>.unwrap(); }\n${"}\n".repeat(2000)}`;
    await withFiles({ "src/wide.rs": terms + nested + tests }, async () => {
      const start = performance.now();
      const result = await check(dir, ["src/wide.rs"]);
      expect(performance.now() - start).toBeLessThan(1000);
      expect(result.stdout).toBe("no-excuse: 1 file(s) checked, no findings\n");
    });
  });

  it.each([true, false])("walks 1,500 nested folders (in git: %s)", async (inGit) => {
    const deep = path.join(...Array.from({ length: 1500 }, () => "d"));
    const root = inGit ? dir : await makeRustProject(false);
    mkdirSync(path.join(root, "nest", deep), { recursive: true });
    writeFileSync(path.join(root, "nest", deep, "leaf.rs"), "pub fn f() { todo!() }\n");
    try {
      const result = await check(root, ["nest"], sharedTarget());
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain("leaf.rs:1:14 no-todo");
    } finally {
      rmSync(inGit ? path.join(root, "nest") : root, { recursive: true, force: true });
    }
  });

  it("does not count #[cfg(test)] modules against the line limit", async () => {
    const code = "pub fn f() {}\n".repeat(240);
    const tests = `#[cfg(test)]\nmod tests {\n${"    #[test]\n    fn t() {}\n".repeat(40)}}\n`;
    await withFiles(
      { "src/tested.rs": code + tests, "src/over.rs": code + "pub fn g() {}\n".repeat(11) },
      async () => {
        const report = await checkJson(dir, ["src/tested.rs", "src/over.rs"]);
        expect(linesOf(report, "src/tested.rs")).toEqual([]);
        expect(linesOf(report, "src/over.rs")).toEqual(["1:file-too-long"]);
      },
    );
  });
});
