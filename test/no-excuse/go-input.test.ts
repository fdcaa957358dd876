import { execFileSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  chownSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../e2e/support.js";
import { makeGoProject } from "./go-project.js";
import { parseReport } from "./json-report.js";
import { check, plantFile, repoRoot } from "./native-harness.js";

/** Files are planted in fresh folders of their own; each test removes what it planted. */
const panics = (pkg: string): string => `package ${pkg}\n\n// F panics.\nfunc F() { panic("x") }\n`;

async function findingPaths(
  dir: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<string[]> {
  const result = await check(dir, [...args, "--json"], env);
  expect(result.stderr).toBe("");
  return [...new Set(parseReport(result.stdout).findings.map((f) => f.path))].sort();
}

function git(dir: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], {
    cwd: dir,
    stdio: "ignore",
  });
}

let walked = "";
let tracked = "";

beforeAll(async () => {
  walked = makeGoProject();
  tracked = makeGoProject();
  git(tracked, "init", "-q");
  git(tracked, "add", "-A");
  git(tracked, "commit", "-qm", "fixtures");
  // Builds the checker once for both.
  expect((await check(walked, ["clean/clean.go"])).exitCode).toBe(0);
});

afterAll(() => {
  rmSync(walked, { recursive: true, force: true });
  rmSync(tracked, { recursive: true, force: true });
});

describe("Go no-excuse: which files it reads", () => {
  it("inside git, checks exactly what git lists: info/exclude and global excludes apply", async () => {
    const excludes = path.join(tracked, "..", `${path.basename(tracked)}-excludes`);
    const globalConfig = `${excludes}.gitconfig`;
    writeFileSync(excludes, "globally/\n");
    writeFileSync(globalConfig, `[core]\n\texcludesFile = ${excludes}\n`);
    plantFile(tracked, ".git/info/exclude", "locally/\n");
    for (const folder of ["globally", "locally", "untracked"]) {
      mkdirSync(path.join(tracked, folder));
      plantFile(tracked, `${folder}/bad.go`, panics(folder));
    }
    try {
      const paths = await findingPaths(tracked, ["."], { GIT_CONFIG_GLOBAL: globalConfig });
      expect(paths).toContain("untracked/bad.go");
      expect(paths).not.toContain("globally/bad.go");
      expect(paths).not.toContain("locally/bad.go");
    } finally {
      for (const folder of ["globally", "locally", "untracked"]) {
        rmSync(path.join(tracked, folder), { recursive: true });
      }
      rmSync(excludes);
      rmSync(globalConfig);
    }
  });

  it.each(["walked", "tracked"])(
    "skips dangling symlinks and . or _ files as the go tool does (%s)",
    async (which) => {
      const dir = which === "walked" ? walked : tracked;
      mkdirSync(path.join(dir, "editor"));
      plantFile(dir, "editor/app.go", "package editor\n");
      plantFile(dir, "editor/_draft.go", panics("editor"));
      symlinkSync("user@host.1234:1700000000", path.join(dir, "editor", ".#app.go"));
      symlinkSync("missing.go", path.join(dir, "editor", "gone.go"));
      try {
        const result = await check(dir, ["editor"]);
        expect(result.stderr).toBe("");
        expect(result.stdout).toBe("no-excuse: 1 file(s) checked, no findings\n");
        expect(result.exitCode).toBe(0);
      } finally {
        rmSync(path.join(dir, "editor"), { recursive: true });
      }
    },
  );

  it("walks past a .gitignore with a reversed range and bytes that are not UTF-8", async () => {
    mkdirSync(path.join(walked, "odd"));
    writeFileSync(
      path.join(walked, "odd", ".gitignore"),
      Buffer.concat([
        Buffer.from("[z-a].go\n"),
        Buffer.from([0xff, 0xfe, 0x0a]),
        Buffer.from("\n"),
      ]),
    );
    plantFile(walked, "odd/bad.go", panics("odd"));
    try {
      expect(await findingPaths(walked, ["odd"])).toEqual(["odd/bad.go"]);
    } finally {
      rmSync(path.join(walked, "odd"), { recursive: true });
    }
  });

  it("exits 2 naming the file, line and reason when a Go file does not parse", async () => {
    plantFile(walked, "clean/broken.go", "package clean\nfunc {\n");
    try {
      for (const args of [["clean/broken.go"], ["clean"]]) {
        const result = await check(walked, args);
        expect(result.exitCode).toBe(2);
        expect(result.stderr).toMatch(/^no-excuse: cannot parse clean\/broken\.go:2:\d+: expected/);
      }
    } finally {
      rmSync(path.join(walked, "clean", "broken.go"));
    }
  });

  it("exits 2 on a FIFO named like a Go file instead of waiting on it forever", async () => {
    mkdirSync(path.join(walked, "pipe"));
    execFileSync("mkfifo", [path.join(walked, "pipe", "p.go")]);
    try {
      for (const args of [["pipe/p.go"], ["pipe"]]) {
        const result = await check(walked, args);
        expect(result.exitCode).toBe(2);
        expect(result.stderr).toContain("pipe/p.go: is not a regular file");
      }
    } finally {
      rmSync(path.join(walked, "pipe"), { recursive: true });
    }
  });
});

describe("Go no-excuse: bounded cost", () => {
  it("checks a small file beside a 50 MB one in well under a second, and reports the big one", async () => {
    mkdirSync(path.join(walked, "big"));
    plantFile(walked, "big/small.go", "package big\n\n// N is small.\nconst N = 1\n");
    const filler = "// filler line that makes this file far too big to read\n".repeat(900_000);
    plantFile(walked, "big/huge.go", `package big\n\n${filler}`);
    plantFile(
      walked,
      "big/made.go",
      `// Code generated by a tool. DO NOT EDIT.\n\npackage big\n\n${filler}`,
    );
    try {
      let start = performance.now();
      const small = await check(walked, ["big/small.go"]);
      expect(performance.now() - start).toBeLessThan(1000);
      expect(small.exitCode).toBe(0);
      start = performance.now();
      const all = await check(walked, ["big", "--json"]);
      expect(performance.now() - start).toBeLessThan(1000);
      const findings = parseReport(all.stdout).findings.map((f) => `${f.path}:${f.rule}`);
      expect(findings).toEqual(["big/huge.go:file-too-long"]);
      expect(all.stdout).toContain("more than the 1048576 no-excuse reads");
    } finally {
      rmSync(path.join(walked, "big"), { recursive: true });
    }
  });
});

describe("Go no-excuse: a folder it cannot read", () => {
  // Root reads every folder, so as root the checker runs as nobody, from a copy it can reach.
  const asRoot = process.getuid?.() === 0;
  let box = "";

  beforeAll(() => {
    box = mkdtempSync(path.join(tmpdir(), "no-excuse-go-locked-"));
    const src = path.join(repoRoot, "content/no-excuse/go/files/_litclaude/no-excuse/go");
    execFileSync("go", ["build", "-C", src, "-o", path.join(box, "no-excuse"), "."], {
      env: { ...process.env, GOWORK: "off", CGO_ENABLED: "0" },
    });
    const project = path.join(box, "project");
    mkdirSync(path.join(project, "locked"), { recursive: true });
    writeFileSync(path.join(project, "go.mod"), "module example.com/locked\n\ngo 1.26\n");
    writeFileSync(path.join(project, "a.go"), "package locked\n");
    writeFileSync(path.join(project, "locked", "b.go"), panics("locked"));
    chmodSync(box, 0o755);
  });

  afterAll(() => {
    chmodSync(path.join(box, "project", "locked"), 0o755);
    rmSync(box, { recursive: true, force: true });
  });

  async function runLocked(
    locked = "locked",
    args: readonly string[] = ["."],
  ): Promise<{ exitCode: number; stderr: string }> {
    const project = path.join(box, "project");
    chmodSync(path.join(project, locked), 0o000);
    if (asRoot) execFileSync("chown", ["-R", "65534:65534", project]);
    const bin = path.join(box, "no-excuse");
    const result = asRoot
      ? await run(
          "setpriv",
          ["--reuid=65534", "--regid=65534", "--clear-groups", bin, ...args],
          project,
          {
            HOME: box,
          },
        )
      : await run(bin, args, project, { HOME: box });
    chmodSync(path.join(project, "locked"), 0o755);
    return result;
  }

  it.each(["walked", "tracked"])("exits 2 naming it (%s)", async (which) => {
    const project = path.join(box, "project");
    if (which === "tracked") {
      git(project, "init", "-q");
      if (asRoot) chownSync(project, 65534, 65534);
    }
    const result = await runLocked();
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^no-excuse: .*locked.*[Pp]ermission denied/);
  });

  it("exits 2 naming a Go file it cannot read", async () => {
    for (const args of [["."], ["locked/b.go"]]) {
      const result = await runLocked("locked/b.go", args);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(/^no-excuse: cannot read locked\/b\.go: .*permission denied/);
    }
  });
});
