import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseReport, type Report } from "./json-report.js";
import { checker, installChecker } from "./python-install.js";

const fixtures = fileURLToPath(new URL("./python/fixtures", import.meta.url));

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

/** Each rule's flagged fixture and the [line, rule] pairs it must produce, in order. */
const flagged: Record<string, readonly (readonly [number, string])[]> = {
  "no-any": [
    [4, "no-any"],
    [7, "no-any"],
    [7, "no-any"],
    [11, "no-any"],
    [11, "no-any"],
    [15, "no-any"],
  ],
  "no-cast": [
    [9, "no-cast"],
    [10, "no-cast"],
    [11, "no-cast"],
    [15, "no-cast"],
  ],
  "type-ignore-needs-reason": [3, 4, 5, 6].map(
    (line) => [line, "type-ignore-needs-reason"] as const,
  ),
  "no-pyright-config": [
    [1, "no-pyright-config"],
    [4, "no-pyright-config"],
  ],
  "no-asyncio": [3, 4, 5, 6, 7].map((line) => [line, "no-asyncio"] as const),
  "no-bare-except": [
    [7, "no-bare-except"],
    [11, "no-bare-except"],
  ],
  "no-empty-except": [7, 11, 15].map((line) => [line, "no-empty-except"] as const),
  "no-mutable-default": [6, 6, 10, 10, 14, 17].map((line) => [line, "no-mutable-default"] as const),
  "frozen-dataclass": [7, 12, 17, 22, 27].map((line) => [line, "frozen-dataclass"] as const),
  "noqa-needs-code": [1, 4, 5].map((line) => [line, "noqa-needs-code"] as const),
  "file-too-long": [[1, "file-too-long"]],
  "opt-out-needs-reason": [
    [4, "no-any"],
    [7, "frozen-dataclass"],
    [7, "opt-out-needs-reason"],
    [12, "opt-out-needs-reason"],
    [13, "frozen-dataclass"],
    [18, "opt-out-needs-reason"],
    [19, "frozen-dataclass"],
    [19, "opt-out-needs-reason"],
    [24, "no-any"],
    [24, "no-cast"],
    [24, "opt-out-needs-reason"],
  ],
  "stale-opt-out": [
    [6, "stale-opt-out"],
    [11, "stale-opt-out"],
  ],
};

describe("no-excuse for Python: every rule on its fixtures", () => {
  for (const [rule, expected] of Object.entries(flagged)) {
    it(`${rule}: flags the flagged fixture exactly`, () => {
      const report = checkJson([`${rule}/flagged.py`]);
      expect(report.findings.map((f) => [f.line, f.rule])).toEqual(expected);
      expect(report.findings.every((f) => f.path === `${rule}/flagged.py`)).toBe(true);
    });

    it(`${rule}: leaves the near miss alone`, () => {
      const outcome = check([`${rule}/near_miss.py`]);
      expect(outcome.stdout).toBe("no-excuse: 1 file(s) checked, no findings\n");
      expect(outcome.status).toBe(0);
    });
  }

  it("frozen-dataclass: leaves test code alone", () => {
    expect(checkJson(["frozen-dataclass/tests/test_builders.py"]).findings).toEqual([]);
  });
});

describe("no-excuse for Python: command line", () => {
  it("prints path:line:col rule message and a summary, exiting 1 on findings", () => {
    const outcome = check(["no-bare-except"]);
    expect(outcome.status).toBe(1);
    expect(outcome.stdout.split("\n")).toEqual([
      "no-bare-except/flagged.py:7:5 no-bare-except bare except: also catches KeyboardInterrupt and SystemExit",
      "no-bare-except/flagged.py:11:5 no-bare-except bare except: also catches KeyboardInterrupt and SystemExit (the noqa here needs ' -- REASON' to count as the opt-out)",
      "no-excuse: 2 finding(s) in 1 of 2 file(s)",
      "",
    ]);
  });

  it("checks one file well under a second, as the editing hook needs", () => {
    // The best of three warm runs: the capability, not the noise of a busy machine.
    const times = [0, 1, 2].map(() => {
      const start = performance.now();
      expect(check(["no-cast/flagged.py"]).status).toBe(1);
      return performance.now() - start;
    });
    expect(Math.min(...times)).toBeLessThan(1000);
  });

  it("prints one JSON object with --json", () => {
    const outcome = check(["--json", "no-cast/flagged.py"]);
    expect(outcome.status).toBe(1);
    const report = parseReport(outcome.stdout);
    expect(report.files).toBe(1);
    expect(report.findings[0]).toEqual({
      path: "no-cast/flagged.py",
      line: 9,
      column: 9,
      rule: "no-cast",
      message: "cast() asserts a type without checking it; narrow with isinstance",
    });
  });

  it("checks several path arguments, and every file under a folder", () => {
    const two = checkJson(["no-cast/flagged.py", "no-any"]);
    expect(two.files).toBe(3);
    expect(new Set(two.findings.map((f) => f.rule))).toEqual(new Set(["no-any", "no-cast"]));
    expect(checkJson(["."]).files).toBe(27);
  });

  it("exits 2 on usage errors and unreadable input", () => {
    const unknown = check(["--nope"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown option --nope");
    expect(check(["missing.py"]).stderr).toContain("no such file or directory: ");
    expect(check(["missing.py"]).status).toBe(2);
    expect(check(["--max-lines", "0"]).status).toBe(2);
    const broken = mkdtempSync(path.join(tmpdir(), "no-excuse-py-"));
    writeFileSync(path.join(broken, "broken.py"), "def f(:\n");
    writeFileSync(path.join(broken, "other.py"), "import asyncio\n");
    const outcome = check(["."], broken);
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain("broken.py:1:7: cannot parse");
    expect(outcome.stdout).toContain("other.py:1:8 no-asyncio");
  });

  it("takes the line limit from --max-lines or NO_EXCUSE_MAX_LINES", () => {
    expect(check(["--max-lines", "251", "file-too-long"]).status).toBe(0);
    expect(check(["--max-lines=251", "file-too-long"]).status).toBe(0);
    const env = { NO_EXCUSE_MAX_LINES: "100" };
    const outcome = check(["file-too-long/near_miss.py"], fixtures, env);
    expect(outcome.stdout).toContain("250 lines, the limit is 100");
    expect(check(["--max-lines", "300", "file-too-long"], fixtures, env).status).toBe(0);
  });
});

function gitRepo(): string {
  const root = mkdtempSync(path.join(tmpdir(), "no-excuse-py-"));
  expect(spawnSync("git", ["init", "--quiet", root]).status).toBe(0);
  return root;
}

describe("no-excuse for Python: files", () => {
  it("inside git, checks what git lists: .gitignore files, negations, nested ones, info/exclude", () => {
    const root = gitRepo();
    const bad = "import asyncio\n";
    const files: Record<string, string> = {
      ".gitignore": "build/\n*_pb2.py\n!keep_pb2.py\n/top.py\n",
      "src/app.py": bad,
      "src/gen_pb2.py": bad,
      "src/keep_pb2.py": bad,
      "src/top.py": bad,
      "top.py": bad,
      "build/out.py": bad,
      "pkg/.gitignore": "local.py\n",
      "pkg/local.py": bad,
      "pkg/other.py": bad,
      ".venv/lib/site.py": bad,
      ".git/info/exclude": "private.py\n",
      "private.py": bad,
    };
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), content);
    }
    const checked = ["pkg/other.py", "src/app.py", "src/keep_pb2.py", "src/top.py"];
    expect(checkJson(["."], root).findings.map((f) => f.path)).toEqual(checked);
    expect(checkJson(["pkg"], root).findings.map((f) => f.path)).toEqual(["pkg/other.py"]);
    expect(checkJson(["pkg/local.py"], root).files).toBe(1);
  });

  it("checks the whole project it lives in when given no path, from any folder", () => {
    const root = gitRepo();
    installChecker(root);
    mkdirSync(path.join(root, "src", "pkg"), { recursive: true });
    mkdirSync(path.join(root, "build"));
    writeFileSync(path.join(root, ".gitignore"), "build/\n");
    writeFileSync(path.join(root, "src", "pkg", "bad.py"), "import asyncio\n");
    writeFileSync(path.join(root, "build", "bad.py"), "import asyncio\n");
    const run = (args: string[], cwd: string): Report =>
      parseReport(
        spawnSync(path.join(root, "scripts", "no-excuse"), [...args, "--json"], {
          cwd,
          encoding: "utf8",
        }).stdout,
      );
    const fromSrc = run([], path.join(root, "src"));
    expect(fromSrc.files).toBe(1);
    expect(fromSrc.findings.map((f) => f.path)).toEqual(["pkg/bad.py"]);
    expect(run(["."], path.join(root, "src")).files).toBe(1);
    expect(run([], path.join(root, "build")).findings.map((f) => f.path)).toEqual([
      path.join(root, "src", "pkg", "bad.py"),
    ]);
  });

  it("runs under the project's .venv interpreter when there is one", () => {
    const root = mkdtempSync(path.join(tmpdir(), "no-excuse-py-"));
    installChecker(root);
    const python = path.join(root, ".venv", "bin", "python");
    mkdirSync(path.dirname(python), { recursive: true });
    writeFileSync(python, '#!/usr/bin/env bash\necho "venv python" >&2\nexec python3 "$@"\n');
    chmodSync(python, 0o755);
    const done = spawnSync(path.join(root, "scripts", "no-excuse"), [], {
      cwd: root,
      encoding: "utf8",
    });
    expect(done.stderr).toBe("venv python\n");
    // The checker's own modules in .litclaude/ are the tool's, not the project's: none is checked.
    expect(done.stdout).toBe("no-excuse: 0 file(s) checked, no findings\n");
    expect(done.status).toBe(0);
  });
});
