import { mkdir, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyNewProject, applyToExisting } from "../../src/core/apply.js";
import { LitError } from "../../src/core/errors.js";
import type { ProjectFile } from "../../src/core/files.js";
import { planFiles } from "../../src/core/plan.js";
import { snapshotTree } from "../golden/tree-snapshot.js";

const keepText = (_path: string, text: string): string => text;
const file = (path: string, content: string): ProjectFile => ({ path, content, executable: false });

async function tree(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "litclaude-plan-"));
  await writeFile(join(dir, ".gitignore"), "node_modules/\n");
  await writeFile(join(dir, "same.txt"), "same\n");
  await writeFile(join(dir, "mine.txt"), "user text\n");
  return dir;
}

describe("planFiles", () => {
  it("classifies create, identical, merge and conflict against an existing tree", async () => {
    const dir = await tree();
    const plan = await planFiles(
      dir,
      [
        file("new.txt", "n"),
        file("same.txt", "same\n"),
        file(".gitignore", "dist/\n"),
        file("mine.txt", "ours\n"),
      ],
      false,
    );
    expect(plan.entries.map((entry) => [entry.path, entry.action])).toEqual([
      ["new.txt", "create"],
      ["same.txt", "identical"],
      [".gitignore", "merge"],
      ["mine.txt", "conflict"],
    ]);
    expect(await readdir(dir)).toHaveLength(3);
  });

  it("turns a conflict into an overwrite only with force", async () => {
    const plan = await planFiles(await tree(), [file("mine.txt", "ours\n")], true);
    expect(plan.entries[0]?.action).toBe("overwrite");
  });
});

describe("applyNewProject", () => {
  it("writes everything into a new folder and leaves no staging folder", async () => {
    const parent = await mkdtemp(join(tmpdir(), "litclaude-apply-"));
    const target = join(parent, "app");
    const plan = await planFiles(
      target,
      [file("a/b.txt", "b"), { path: "scripts/x", content: "#!/bin/sh\n", executable: true }],
      false,
    );
    await applyNewProject(plan);
    expect(await readdir(parent)).toEqual(["app"]);
    expect(await readFile(join(target, "a/b.txt"), "utf8")).toBe("b");
  });

  it("leaves nothing behind when aborted", async () => {
    const parent = await mkdtemp(join(tmpdir(), "litclaude-apply-"));
    const plan = await planFiles(
      join(parent, "app"),
      [file("a.txt", "a"), file("b.txt", "b")],
      false,
    );
    const controller = new AbortController();
    controller.abort();
    await expect(applyNewProject(plan, controller.signal)).rejects.toBeInstanceOf(LitError);
    expect(await readdir(parent)).toEqual([]);
  });
});

describe("applyToExisting", () => {
  it("merges, keeps a backup for an overwrite, and leaves identical files alone", async () => {
    const dir = await tree();
    const plan = await planFiles(
      dir,
      [file(".gitignore", "dist/\n"), file("mine.txt", "ours\n")],
      true,
    );
    const backups = await applyToExisting(plan);
    expect(backups).toEqual(["mine.txt.litclaude-backup"]);
    expect(await readFile(join(dir, ".gitignore"), "utf8")).toContain("node_modules/\n");
    expect(await readFile(join(dir, ".gitignore"), "utf8")).toContain("dist/\n");
    expect(await readFile(join(dir, "mine.txt.litclaude-backup"), "utf8")).toBe("user text\n");
  });

  it("puts every file back when it fails part way", async () => {
    const dir = await tree();
    const before = await snapshotTree(dir, keepText);
    // A merge, an overwrite with its backup and new files in a new folder all happen before the
    // last file fails (a folder was made where it goes after the plan was drawn).
    const plan = await planFiles(
      dir,
      [
        file(".gitignore", "dist/\n"),
        file("mine.txt", "ours\n"),
        file("new.txt", "n"),
        file("sub/deep.txt", "d"),
        file("blocked", "late"),
      ],
      true,
    );
    await mkdir(join(dir, "blocked"));
    await expect(applyToExisting(plan)).rejects.toThrow();
    expect(await snapshotTree(dir, keepText)).toEqual(before);
  });
});
