import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseReport } from "./json-report.js";
import { check, checkJson, linesOf, plantFile } from "./native-harness.js";
import { run } from "../e2e/support.js";
import { builtChecker, makeRustProject } from "./rust-project.js";

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

describe("Rust no-excuse checker build", () => {
  it("builds a binary of its own for another compiler version, removing the old one", async () => {
    const before = builtChecker(dir);
    const fake = mkdtempSync(path.join(tmpdir(), "no-excuse-rustc-"));
    const realRustc = (await run("sh", ["-c", "command -v rustc"], dir)).stdout.trim();
    writeFileSync(
      path.join(fake, "rustc"),
      `#!/bin/sh\nif [ "$1" = "-vV" ]; then "${realRustc}" -vV; echo "planted: another build"; exit 0; fi\nexec "${realRustc}" "$@"\n`,
      { mode: 0o755 },
    );
    try {
      const upgraded = await check(dir, ["src/ffi.rs"], {
        PATH: `${fake}:${process.env["PATH"] ?? ""}`,
      });
      expect(upgraded.exitCode, upgraded.stderr).toBe(0);
      const after = builtChecker(dir);
      expect(after).not.toBe(before);
      expect(existsSync(before)).toBe(false);
    } finally {
      rmSync(fake, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("Rust no-excuse checker walking a project", () => {
  it("outside git walks every .rs file except target/, .git/ and the checker's", async () => {
    const plain = await makeRustProject(false);
    plantFile(plain, ".gitignore", "src/\n");
    for (const folder of [".hidden", "target", ".git", "sub/target"]) {
      mkdirSync(path.join(plain, folder), { recursive: true });
      plantFile(plain, `${folder}/x.rs`, "pub fn f() { todo!() }\n");
    }
    try {
      const report = parseReport((await check(plain, ["--json"], sharedTarget())).stdout);
      const paths = new Set(report.findings.map((f) => f.path));
      expect(paths).toContain("src/unwrap_flag.rs");
      expect(paths).toContain("ignored/bad.rs");
      expect(paths).toContain(".hidden/x.rs");
      for (const skipped of ["target/x.rs", ".git/x.rs", "sub/target/x.rs"]) {
        expect(paths).not.toContain(skipped);
      }
      expect([...paths].some((p) => p.startsWith(".litclaude"))).toBe(false);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it("in git sees hidden folders and untracked files, as cargo would", async () => {
    mkdirSync(path.join(dir, "src", ".hidden"));
    plantFile(dir, "src/.hidden/x.rs", "pub fn f() { todo!() }\n");
    try {
      const report = await checkJson(dir, ["src"]);
      expect(linesOf(report, "src/.hidden/x.rs")).toEqual(["1:no-todo"]);
    } finally {
      rmSync(path.join(dir, "src", ".hidden"), { recursive: true });
    }
  });
});
