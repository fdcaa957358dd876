import { rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plant, run, runBin } from "./support.js";
import {
  doctor,
  drift,
  expectNoDrift,
  expectOnlyFinding,
  lineOf,
  project,
} from "./doctor-support.js";

/** A nested tsconfig that extends the root one and turns `strict` off (on line 4). */
function strictOff(root: string): string {
  return `{\n  "extends": "${root}",\n  "compilerOptions": {\n    "strict": false\n  }\n}\n`;
}

async function addAnswers(dir: string, extra: Readonly<Record<string, unknown>>): Promise<void> {
  await plant(dir, ".litclaude/answers.json", (old) => {
    const answers: unknown = JSON.parse(old);
    return JSON.stringify(Object.assign({}, answers, extra), null, 2);
  });
}

describe("doctor: accepted weakenings", () => {
  it("reports a weakening accepted in answers.json as accepted, with its reason, and exits 0", async () => {
    const dir = await project("ts", "cli");
    await plant(dir, "eslint.config.js", (old) => old.replace('eqeqeq: "error"', 'eqeqeq: "off"'));
    const reason = "generated parser code compares with ==";
    await addAnswers(dir, {
      accepted: [{ id: "eslint/eqeqeq", file: "eslint.config.js", reason }],
    });
    const json = await expectNoDrift(dir);
    expect(json.groups[0]?.accepted).toMatchObject([
      {
        id: "eslint/eqeqeq",
        file: "eslint.config.js",
        line: await lineOf(dir, "eslint.config.js", "eqeqeq"),
        baseline: "error",
        current: "off",
        reason,
      },
    ]);
    expect(json.groups[0]?.accepted[0]?.fix).toContain('"eqeqeq": "error"');
    const text = await runBin(["doctor"], dir);
    expect(text.stdout).toContain("✓ accepted eslint.config.js:");
    expect(text.stdout).toContain(`reason:   ${reason}`);
  });

  it("does not accept the same id in another file", async () => {
    const dir = await project("ts", "lib");
    await plant(dir, "eslint.config.js", (old) => old.replace('eqeqeq: "error"', 'eqeqeq: "off"'));
    await addAnswers(dir, {
      accepted: [{ id: "eslint/eqeqeq", file: "src/index.ts", reason: "x" }],
    });
    await expectOnlyFinding(dir, {
      id: "eslint/eqeqeq",
      file: "eslint.config.js",
      line: await lineOf(dir, "eslint.config.js", "eqeqeq"),
      baseline: "error",
      current: "off",
    });
  });

  it("names an accepted entry that matches nothing any more, without counting it as drift", async () => {
    const dir = await project("ts", "cli");
    const stale = { id: "eslint/eqeqeq", file: "eslint.config.js", reason: "fixed since" };
    await addAnswers(dir, { accepted: [stale] });
    const json = await expectNoDrift(dir);
    expect(json.staleAccepted).toEqual([stale]);
    expect((await runBin(["doctor"], dir)).stdout).toContain(
      "note: accepted eslint/eqeqeq in eslint.config.js matches nothing now; remove it from .litclaude/answers.json",
    );
  });
});

describe("doctor: a repo made with add", () => {
  it("finds no drift after add, then reports a weakening in the added folder under its language", async () => {
    const dir = await project("ts", "cli");
    const added = await runBin(["add", "python", "--dir", "services/api"], dir);
    expect(added.exitCode, added.output).toBe(0);
    const clean = await expectNoDrift(dir);
    expect(clean.groups.map((group) => group.label)).toEqual([
      "ts",
      "python (services/api)",
      "repo",
    ]);
    await plant(dir, "services/api/pyproject.toml", (old) =>
      old.replace('typeCheckingMode = "all"', 'typeCheckingMode = "basic"'),
    );
    await expectOnlyFinding(dir, {
      id: "basedpyright/typeCheckingMode",
      file: "services/api/pyproject.toml",
      line: await lineOf(dir, "services/api/pyproject.toml", "typeCheckingMode"),
      baseline: 'typeCheckingMode = "all"',
      current: 'typeCheckingMode = "basic"',
    });
    const { json } = await doctor(dir);
    expect(json.groups[1]?.findings.map((finding) => finding.id)).toEqual([
      "basedpyright/typeCheckingMode",
    ]);
  });

  it("reports the combined gate no longer running a language's gate", async () => {
    const dir = await project("go", "lib");
    const added = await runBin(["add", "rust", "--dir", "crates/engine"], dir);
    expect(added.exitCode, added.output).toBe(0);
    await plant(dir, "scripts/check", (old) =>
      old.replace("gate rust crates/engine/scripts/check\n", ""),
    );
    await expectOnlyFinding(dir, {
      id: "gate/combined/rust",
      file: "scripts/check",
      line: await lineOf(dir, "scripts/check", 'echo "OK"'),
      baseline: "gate rust crates/engine/scripts/check",
      current: "does not run crates/engine/scripts/check",
    });
  });
});

describe("doctor: CI in a repo made with add", () => {
  it("reports the added language's CI job no longer running its gate", async () => {
    const dir = await project("rust", "cli");
    const added = await runBin(["add", "ts", "--dir", "web"], dir);
    expect(added.exitCode, added.output).toBe(0);
    await plant(dir, ".github/workflows/ci.yml", (old) => {
      const at = old.indexOf("  ts-web:");
      return old.slice(0, at) + old.slice(at).replace("run: scripts/check", "run: npm test");
    });
    await expectOnlyFinding(dir, {
      id: "ci/gate",
      file: ".github/workflows/ci.yml",
      line: await lineOf(dir, ".github/workflows/ci.yml", "  ts-web:"),
      baseline: "job ts-web runs web/scripts/check",
      current: "no enabled step in .github/workflows/ runs web/scripts/check",
    });
  });
});

describe("doctor --lang on a repo without answers.json", () => {
  it("compares with the current templates' defaults", async () => {
    const dir = await project("go", "cli");
    await rm(join(dir, ".litclaude/answers.json"));
    const json = await expectNoDrift(dir, ["--lang", "golang"]);
    expect(json.baselineSource).toBe("defaults");
    await plant(dir, ".golangci.yml", (old) => old.replace("default: all", "default: standard"));
    await expectOnlyFinding(
      dir,
      {
        id: "golangci/linters.default",
        file: ".golangci.yml",
        line: await lineOf(dir, ".golangci.yml", "default: standard"),
        baseline: "default: all",
        current: "default: standard",
      },
      ["--lang", "go"],
    );
  });

  it("is a usage error without --lang, naming the flag", async () => {
    const dir = await project("rust", "lib");
    await rm(join(dir, ".litclaude/answers.json"));
    const result = await runBin(["doctor"], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(".litclaude/answers.json is missing");
    expect(result.stderr).toContain("pass --lang");
  });
});

describe("doctor never reads ignored folders", () => {
  it("outside git: skips node_modules, dist and what .gitignore lists, reads the rest", async () => {
    const dir = await project("ts", "lib");
    for (const folder of ["node_modules/pkg", "dist", "coverage/html"]) {
      await plant(dir, `${folder}/tsconfig.json`, strictOff("../../tsconfig.json"));
      await plant(dir, `${folder}/index.ts`, "// eslint-disable-next-line -- vendored\n");
    }
    await expectNoDrift(dir);
    await plant(dir, "packages/a/tsconfig.json", strictOff("../../tsconfig.json"));
    await expectOnlyFinding(dir, {
      id: "tsconfig/strict",
      file: "packages/a/tsconfig.json",
      line: 4,
      baseline: '"strict": true',
      current: '"strict": false',
    });
  });

  it("in git: takes git's list, untracked files it does not ignore included", async () => {
    const dir = await project("ts", "cli");
    await plant(dir, ".gitignore", (old) => `${old}generated/\n`);
    await plant(dir, "generated/tsconfig.json", strictOff("../tsconfig.json"));
    expect((await run("git", ["init", "-q"], dir)).exitCode).toBe(0);
    await expectNoDrift(dir);
    await plant(dir, "tools/tsconfig.json", strictOff("../tsconfig.json"));
    const { json } = await doctor(dir);
    expect(drift(json).map((finding) => `${finding.file} ${finding.id}`)).toEqual([
      "tools/tsconfig.json tsconfig/strict",
    ]);
  });
});

describe("doctor usage errors", () => {
  it("exits 2 on an unknown flag, two folders, or a malformed file, naming file and line", async () => {
    const dir = await project("ts", "cli");
    const unknown = await runBin(["doctor", "--kind", "lib"], dir);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain("unknown flag --kind");
    const twice = await runBin(["doctor", ".", "--dir", "."], dir);
    expect(twice.exitCode).toBe(2);
    await plant(dir, "tsconfig.json", (old) => old.replace('"strict": true,', '"strict": true,,'));
    const broken = await runBin(["doctor", "--json"], dir);
    expect(broken.exitCode).toBe(2);
    const error: unknown = JSON.parse(broken.stdout);
    expect(error).toMatchObject({
      ok: false,
      command: "doctor",
      error: {
        kind: "usage",
        file: "tsconfig.json",
        line: await lineOf(dir, "tsconfig.json", ",,"),
      },
    });
    await addAnswers(dir, { accepted: [{ id: "eslint/eqeqeq", file: "eslint.config.js" }] });
    const unreasoned = await runBin(["doctor"], dir);
    expect(unreasoned.exitCode).toBe(2);
    expect(unreasoned.stderr).toContain(
      ".litclaude/answers.json is not a create-litclaude answers file at accepted.0.reason",
    );
  });

  it("--help explains doctor, and the main help lists it", async () => {
    const dir = await project("go", "lib");
    const help = await runBin(["doctor", "--help"], dir);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain(
      "create-litclaude doctor [dir] [--lang <go|python|rust|ts>] [--json]",
    );
    expect(help.stdout).toContain(
      '"accepted": [{ "id": "<finding id>", "file": "<path>", "reason": "<why>" }]',
    );
    const main = await runBin(["--help"], dir);
    expect(main.stdout).toContain("create-litclaude doctor [dir] [--lang L] [--json]");
  });
});
