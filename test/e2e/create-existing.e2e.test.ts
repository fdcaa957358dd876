import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { treeHash } from "./safety/tree.js";
import { run, runBin, tempDir } from "./support.js";

const CREATE = ["app", "--lang", "ts", "--yes", "--no-install", "--no-git"];
const GH_GITIGNORE = "# Logs\nlogs\n*.log\n\n# Dependency directories\nnode_modules/\n";

/** What `gh repo create --clone` leaves: a README, a LICENSE, a .gitignore. */
async function ghClone(): Promise<{ readonly parent: string; readonly repo: string }> {
  const parent = await tempDir();
  const repo = join(parent, "app");
  await mkdir(join(repo, ".git"), { recursive: true });
  await writeFile(join(repo, "README.md"), "# app\nOur service.\n");
  await writeFile(join(repo, "LICENSE"), "MIT License\n");
  await writeFile(join(repo, ".gitignore"), GH_GITIGNORE);
  return { parent, repo };
}

describe("create into a folder that already holds files", () => {
  it("stops on a differing file: exit 1, its unified diff, nothing written", async () => {
    const { parent, repo } = await ghClone();
    const before = await treeHash(repo);
    const result = await runBin(CREATE, parent);
    expect(result.exitCode, result.output).toBe(1);
    expect(result.stdout).toContain("conflict  README.md");
    expect(result.stdout).toContain("--- a/README.md");
    expect(result.stdout).toContain("-Our service.");
    expect(result.stderr).toContain("pass --force to overwrite them");
    expect(await treeHash(repo)).toBe(before);
    expect(await readdir(parent)).toEqual(["app"]);
  });

  it("with --dry-run prints the same plan with diffs, and the tasks, writing nothing", async () => {
    const { parent, repo } = await ghClone();
    const before = await treeHash(repo);
    const result = await runBin(
      [...CREATE.filter((flag) => flag !== "--no-git"), "--dry-run"],
      parent,
    );
    expect(result.stdout).toContain("merge     .gitignore");
    expect(result.stdout).toContain("+dist/");
    expect(result.stdout).toContain("conflict  README.md");
    expect(result.stdout).toContain("create    AGENTS.md");
    expect(result.stdout).toMatch(/task {6}git init/);
    expect(await treeHash(repo)).toBe(before);
  });

  it("with --force overwrites, keeps a backup, merges .gitignore keeping the user's lines", async () => {
    const { parent, repo } = await ghClone();
    const result = await runBin([...CREATE, "--force"], parent);
    expect(result.exitCode, result.output).toBe(0);
    expect(result.stdout).toContain("README.md.litclaude-backup");
    expect(await readFile(join(repo, "README.md.litclaude-backup"), "utf8")).toBe(
      "# app\nOur service.\n",
    );
    expect(await readFile(join(repo, "LICENSE"), "utf8")).toBe("MIT License\n");
    const gitignore = await readFile(join(repo, ".gitignore"), "utf8");
    expect(gitignore.startsWith(GH_GITIGNORE)).toBe(true);
    expect(gitignore.match(/^node_modules\/$/gm)).toHaveLength(1);
    expect(gitignore).toContain("\ndist/\n");
    expect((await readdir(join(repo, ".litclaude"))).sort()).toEqual([
      "answers.json",
      "base.json",
      "no-excuse",
    ]);
  });

  it("skips files that are already identical", async () => {
    const { parent, repo } = await ghClone();
    const fresh = await tempDir();
    await runBin(CREATE, fresh);
    await writeFile(join(repo, "AGENTS.md"), await readFile(join(fresh, "app", "AGENTS.md")));
    const result = await runBin([...CREATE, "--force", "--json"], parent);
    const report: unknown = JSON.parse(result.stdout);
    expect(report).toMatchObject({ ok: true });
    expect(JSON.stringify(report)).toContain('{"path":"AGENTS.md","action":"identical"}');
  });
});

describe("create into a repository that has history", () => {
  it("leaves the new files uncommitted, with a warning, rather than commit the user's changes", async () => {
    const { parent, repo } = await ghClone();
    await rm(join(repo, ".git"), { recursive: true });
    const git = (args: readonly string[]) =>
      run("git", ["-c", "user.email=dev@example.com", "-c", "user.name=Dev", ...args], repo);
    await git(["init", "--quiet"]);
    await git(["add", "--all"]);
    await git(["commit", "--quiet", "-m", "theirs"]);
    const result = await runBin(
      ["app", "--lang", "ts", "--yes", "--no-install", "--force"],
      parent,
    );
    expect(result.exitCode, result.output).toBe(0);
    expect(result.stdout).toContain("▲ Creating the first git commit");
    expect(result.stdout).toContain("left uncommitted for you to review");
    expect((await git(["rev-list", "--count", "HEAD"])).stdout.trim()).toBe("1");
  });
});
