import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport } from "./json-report.js";
import { checker } from "./python-install.js";

interface Outcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

function check(args: readonly string[], cwd: string, extra: SpawnSyncOptions = {}): Outcome {
  const start = performance.now();
  const done = spawnSync(checker, args, { cwd, encoding: "utf8", ...extra });
  const ms = performance.now() - start;
  return { status: done.status, stdout: String(done.stdout), stderr: String(done.stderr), ms };
}

function project(files: Readonly<Record<string, string | Buffer>>, git: boolean): string {
  const root = mkdtempSync(path.join(tmpdir(), "no-excuse-py-files-"));
  if (git) expect(spawnSync("git", ["init", "--quiet", root]).status).toBe(0);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

const BAD = "import asyncio\n";

function expectNoTraceback(outcome: Outcome): void {
  expect(outcome.stderr).not.toContain("Traceback");
  expect(outcome.stdout).not.toContain("Traceback");
}

describe("no-excuse for Python: which files", () => {
  it("outside git, walks every folder but dot folders and never reads .gitignore", () => {
    const root = project(
      { ".gitignore": "build/\n", "build/a.py": BAD, ".cache/b.py": BAD },
      false,
    );
    const report = parseReport(check([".", "--json"], root).stdout);
    expect(report.findings.map((f) => f.path)).toEqual(["build/a.py"]);
  });

  it("inside git, sees tracked dot folders as ruff does, but not .venv or .litclaude", () => {
    const files = { ".github/tool.py": BAD, ".venv/lib/x.py": BAD, ".litclaude/y.py": BAD };
    const report = parseReport(check([".", "--json"], project(files, true)).stdout);
    expect(report.findings.map((f) => f.path)).toEqual([".github/tool.py"]);
  });

  it("skips a dangling symlink, such as an editor's lock file", () => {
    for (const git of [true, false]) {
      const root = project({ "app.py": "VALUE = 1\n" }, git);
      symlinkSync("user@host.1234:1700000000", path.join(root, ".#app.py"));
      symlinkSync("missing.py", path.join(root, "gone.py"));
      const outcome = check(["."], root);
      expect(outcome.stdout).toBe("no-excuse: 1 file(s) checked, no findings\n");
      expect(outcome.status).toBe(0);
    }
  });

  it("survives a .gitignore git itself reads oddly: [z-a] and invalid UTF-8", () => {
    const gitignore = Buffer.concat([Buffer.from("[z-a]\n"), Buffer.from([0xff, 0xfe, 0x0a])]);
    for (const git of [true, false]) {
      const outcome = check(["."], project({ ".gitignore": gitignore, "a.py": BAD }, git));
      expectNoTraceback(outcome);
      expect(outcome.stdout).toContain("a.py:1:8 no-asyncio");
      expect(outcome.status).toBe(1);
    }
  });

  it("walks 1,500 nested folders without running out of stack", () => {
    const deep = Array.from({ length: 1500 }, () => "d").join("/");
    for (const git of [true, false]) {
      const outcome = check(["."], project({ [`${deep}/a.py`]: BAD }, git));
      expectNoTraceback(outcome);
      expect(outcome.stdout).toContain(`${deep}/a.py:1:8 no-asyncio`);
      expect(outcome.status).toBe(1);
    }
  });

  it("names an unreadable folder and exits 2, still reporting the rest", () => {
    for (const git of [true, false]) {
      const root = project({ "ok/a.py": BAD, "locked/b.py": BAD }, git);
      chmodSync(path.join(root, "locked"), 0o000);
      // Root reads any folder, so as root the checker runs as nobody, who owns the tree.
      const asRoot = process.getuid?.() === 0;
      if (asRoot) chownTree(root, 65_534);
      const outcome = check(["."], root, asRoot ? { uid: 65_534, gid: 65_534 } : {});
      expectNoTraceback(outcome);
      expect(outcome.stderr).toContain(`${path.join(root, "locked")}: cannot read the folder`);
      expect(outcome.stdout).toContain("ok/a.py:1:8 no-asyncio");
      expect(outcome.status).toBe(2);
    }
  });
});

function chownTree(root: string, id: number): void {
  const done = spawnSync("chown", ["-R", `${String(id)}:${String(id)}`, root]);
  expect(done.status).toBe(0);
}

describe("no-excuse for Python: hostile modules", () => {
  it("exits 2 naming a module Python's parser cannot take (5,000 terms), with no traceback", () => {
    const expression = Array.from({ length: 5000 }, () => "1").join(" + ");
    const root = project({ "deep.py": `VALUE = ${expression}\n`, "other.py": BAD }, false);
    const outcome = check(["."], root);
    expectNoTraceback(outcome);
    expect(outcome.stderr).toContain("deep.py: cannot parse: nested too deeply");
    expect(outcome.stdout).toContain("other.py:1:8 no-asyncio");
    expect(outcome.status).toBe(2);
  });

  it("reports a 50 MB module unread, in well under a second", () => {
    const root = project({ "huge.py": "VALUE = 1\n".repeat(5 * 1024 * 1024) }, false);
    const outcome = check(["huge.py"], root);
    expect(outcome.stdout).toContain("huge.py:1:1 file-too-long 52428800 bytes, over the 65536");
    expect(outcome.status).toBe(1);
    expect(outcome.ms).toBeLessThan(1000);
  });

  it("checks a module just under the size limit in well under a second", () => {
    const body = 'def f(x: int) -> int:\n    """Add one."""\n    return x + 1\n\n\n';
    const module = body.repeat(Math.floor((64 * 1024) / body.length));
    const root = project({ "big.py": module }, false);
    const times = [0, 1, 2].map(() => {
      const outcome = check(["big.py", "--max-lines", "100000"], root);
      expect(outcome.stdout).toBe("no-excuse: 1 file(s) checked, no findings\n");
      return outcome.ms;
    });
    // The best of three runs: the capability, not the noise of a busy machine.
    expect(Math.min(...times)).toBeLessThan(1000);
  });
});
