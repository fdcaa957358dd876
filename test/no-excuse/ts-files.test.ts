import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport, type Report } from "./json-report.js";
import { check, checkJson, filesTree, repoRoot, tempTree } from "./ts-support.js";

const unique = (paths: readonly string[]): string[] => [...new Set(paths)];

describe("no-excuse for TypeScript: hostile input", () => {
  it("exits 2 naming the file, the place and the reason when a file does not parse", () => {
    const root = tempTree({
      "broken.ts": "export const x = ;\n",
      "fine.ts": "export const y = 1;\n",
    });
    const outcome = check(["."], root);
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe("no-excuse: broken.ts:1:18 does not parse: Expression expected.\n");
  });

  it("checks a 5,000-term expression, and names a file nested too deeply to parse", () => {
    const root = tempTree({
      "sum.ts": `export const s = ${Array.from({ length: 5000 }, () => "1").join(" + ")};\n`,
      "concat.ts": `export function f(): never {\n  throw ${Array.from({ length: 20_000 }, () => '"a"').join(" + ")};\n}\n`,
      "parens.ts": `export const p = ${"(".repeat(20_000)}1${")".repeat(20_000)};\n`,
    });
    expect(check(["sum.ts"], root)).toMatchObject({ status: 0, stderr: "" });
    expect(checkJson(["concat.ts"], root).findings.map((f) => f.rule)).toEqual(["throw-error"]);
    const deep = check(["parens.ts"], root);
    expect(deep.status).toBe(2);
    expect(deep.stderr).toMatch(/^no-excuse: parens\.ts: nested too deeply to check \(.+\)\n$/);
  });

  it("reports a file over 512 KiB without parsing it, quickly", () => {
    const root = tempTree({ "big.ts": `export const big = "${"x".repeat(600_000)}";\n` });
    const start = performance.now();
    const report = checkJson(["big.ts"], root);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(report.findings.map((f) => [f.line, f.rule])).toEqual([[1, "file-too-large"]]);
  });
});

describe("no-excuse for TypeScript: files and the compiler", () => {
  it("outside git, honours .gitignore files, negations and nested ones, and sees dot folders", () => {
    const bad = "export enum E {\n  A,\n}\n";
    const root = tempTree({
      ".gitignore": "dist/\n*.gen.ts\n!keep.gen.ts\n/top.ts\n[z-a].ts\n",
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
      "src/.hidden/x.ts": bad,
      "node_modules/dep/index.ts": bad,
    });
    symlinkSync(path.join(root, "pkg", "other.ts"), path.join(root, "src", "linked.ts"));
    symlinkSync(path.join(root, "gone.ts"), path.join(root, "src", ".#lock.ts"));
    const checked = [
      ".cache/x.ts",
      "pkg/other.ts",
      "src/.hidden/x.ts",
      "src/app.ts",
      "src/keep.gen.ts",
      "src/linked.ts",
      "src/top.ts",
    ];
    expect(unique(checkJson(["."], root).findings.map((f) => f.path))).toEqual(checked);
    expect(unique(checkJson(["pkg"], root).findings.map((f) => f.path))).toEqual(["pkg/other.ts"]);
    expect(checkJson(["pkg/local.ts"], root).files).toBe(1);
  });

  it("inside a git work tree, checks exactly the files git lists", () => {
    const bad = "export enum E {\n  A,\n}\n";
    const root = tempTree({
      ".gitignore": "ignored/\n",
      "src/tracked.ts": bad,
      "src/.hidden/x.ts": "/* eslint-disable */\nexport const n = 1 as unknown as string;\n",
      "ignored/x.ts": bad,
      "excluded/x.ts": bad,
      "node_modules/dep/index.ts": bad,
    });
    const git = (...args: string[]) => {
      const done = spawnSync("git", ["-C", root, ...args], { encoding: "utf8" });
      expect(done.status, done.stderr).toBe(0);
    };
    git("init", "-q");
    writeFileSync(path.join(root, ".git", "info", "exclude"), "excluded/\n");
    git("add", "src/tracked.ts");
    symlinkSync(path.join(root, "src", "tracked.ts"), path.join(root, "src", "linked.ts"));
    symlinkSync(path.join(root, "gone.ts"), path.join(root, "src", ".#lock.ts"));
    const report = checkJson(["."], root);
    expect(report.files).toBe(3);
    expect(report.findings.map((f) => `${f.path}:${String(f.line)} ${f.rule}`)).toEqual([
      "src/.hidden/x.ts:1 eslint-disable-needs-reason",
      "src/.hidden/x.ts:2 no-cast",
      "src/linked.ts:1 no-enum",
      "src/tracked.ts:1 no-enum",
    ]);
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
    // The checker's own seven modules, which it holds to its rules too, and src/pkg/bad.ts.
    expect(fromSrc.files).toBe(8);
    expect(fromSrc.findings.map((f) => f.path)).toEqual(["pkg/bad.ts"]);
    expect(run(["."], path.join(root, "src")).files).toBe(1);
    expect(run([], path.join(root, "build")).findings.map((f) => f.path)).toEqual([
      path.join(root, "src", "pkg", "bad.ts"),
    ]);
    rmSync(root, { recursive: true, force: true });
  });

  it("exits 2, not 1, when its modules are missing", () => {
    const root = tempTree({ "src/a.ts": "export const a = 1;\n" });
    cpSync(path.join(filesTree, "scripts"), path.join(root, "scripts"), { recursive: true });
    const done = spawnSync(path.join(root, "scripts", "no-excuse"), [], { encoding: "utf8" });
    expect(done.status).toBe(2);
    expect(done.stderr).toContain("the checker is missing");
  });

  it("is itself plain JavaScript that type-checks under strict checkJs", () => {
    const modules = path.join(filesTree, "_litclaude", "no-excuse", "ts");
    const names = readdirSync(modules).filter((name) => name.endsWith(".mjs"));
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const flags = ["--ignoreConfig", "--noEmit", "--allowJs", "--checkJs", "--strict"];
    const target = ["--module", "nodenext", "--target", "es2023", "--types", "node"];
    const files = names.map((name) => path.join(modules, name));
    const done = spawnSync(process.execPath, [tsc, ...flags, ...target, ...files], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(done.stdout).toBe("");
    expect(done.status).toBe(0);
    expect(names.length).toBe(7);
  }, 120_000);

  it("loads its project's own typescript, once per run, never the caller's", () => {
    const real = createRequire(import.meta.url).resolve("typescript");
    /** A typescript package that says which one it is, then hands over the real compiler. */
    const fakeTypeScript = (label: string) => ({
      "node_modules/typescript/package.json": '{ "name": "typescript", "main": "index.js" }\n',
      "node_modules/typescript/index.js": [
        `process.stderr.write(${JSON.stringify(`${label} typescript loaded\n`)});`,
        `module.exports = require(${JSON.stringify(real)});`,
        "",
      ].join("\n"),
    });
    const project = tempTree({
      "package.json": "{}\n",
      ...fakeTypeScript("project"),
      "src/a.ts": "export const a = 1;\n",
      "src/b.ts": "export const b = 2;\n",
      "src/c.ts": "export const c = 3;\n",
    });
    cpSync(path.join(filesTree, "scripts"), path.join(project, "scripts"), { recursive: true });
    cpSync(path.join(filesTree, "_litclaude"), path.join(project, ".litclaude"), {
      recursive: true,
    });
    const caller = tempTree({ "package.json": "{}\n", ...fakeTypeScript("caller") });
    const done = spawnSync(
      path.join(project, "scripts", "no-excuse"),
      [path.join(project, "src")],
      { cwd: caller, encoding: "utf8" },
    );
    expect(done.stderr).toBe("project typescript loaded\n");
    expect(done.stdout).toBe("no-excuse: 3 file(s) checked, no findings\n");
  });
});
