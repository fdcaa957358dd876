import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LitError } from "../../src/core/errors.js";
import type { ProjectFile } from "../../src/core/files.js";
import {
  fingerprint,
  recoverInterrupted,
  writeJournal,
  type Journal,
} from "../../src/core/journal.js";
import { lockPathFor, lockTarget } from "../../src/core/target-lock.js";
import { writeProject } from "../../src/core/write-project.js";

const file = (path: string, content: string): ProjectFile => ({ path, content, executable: false });

async function parentDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "litclaude-write-"));
}

/** The pid of a process that has exited, so nothing alive holds it. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

describe("writeProject", () => {
  it("creates missing parent folders of the target, and leaves no lock", async () => {
    const parent = await parentDir();
    const target = join(parent, "a", "b", "app");
    await writeProject(target, [file("x.txt", "x")], { force: false, shown: "app" });
    expect(await readdir(join(parent, "a", "b"))).toEqual(["app"]);
  });

  it("removes the parent folders it made when it is aborted", async () => {
    const parent = await parentDir();
    const controller = new AbortController();
    controller.abort();
    await expect(
      writeProject(join(parent, "a", "b", "app"), [file("x.txt", "x")], {
        force: false,
        shown: "app",
        signal: controller.signal,
      }),
    ).rejects.toBeInstanceOf(LitError);
    expect(await readdir(parent)).toEqual([]);
  });

  it("fills an existing folder that holds only .git, through the journal, and removes it", async () => {
    const parent = await parentDir();
    const target = join(parent, "app");
    await mkdir(join(target, ".git"), { recursive: true });
    await writeProject(target, [file("a.txt", "a"), file(".litclaude/answers.json", "{}")], {
      force: false,
      shown: "app",
    });
    expect((await readdir(target)).sort()).toEqual([".git", ".litclaude", "a.txt"]);
    expect(await readdir(join(target, ".litclaude"))).toEqual(["answers.json"]);
    expect(await readdir(parent)).toEqual(["app"]);
  });

  it("writes nothing when a file conflicts", async () => {
    const parent = await parentDir();
    const target = join(parent, "app");
    await mkdir(target);
    await writeFile(join(target, "README.md"), "mine\n");
    const written = await writeProject(target, [file("README.md", "ours\n"), file("b.txt", "b")], {
      force: false,
      shown: "app",
    });
    expect(written.conflicted).toBe(true);
    expect(await readdir(target)).toEqual(["README.md"]);
  });

  it("gives a new project root the mode the umask gives, not 0700", async () => {
    const parent = await parentDir();
    const target = join(parent, "app");
    await writeProject(target, [file("a.txt", "a")], { force: false, shown: "app" });
    const plain = join(parent, "made-by-mkdir");
    await mkdir(plain);
    expect((await stat(target)).mode & 0o777).toBe((await stat(plain)).mode & 0o777);
  });
});

describe("the target lock", () => {
  it("refuses a second run while the first holds the target", async () => {
    const target = join(await parentDir(), "app");
    const held = await lockTarget(target, "app");
    await writeFile(await lockPathFor(target), `${String(process.ppid)}\n`);
    await expect(lockTarget(target, "app")).rejects.toThrow(/being created by another run/);
    await held.release();
  });

  it("takes over a lock whose run is gone", async () => {
    const target = join(await parentDir(), "app");
    await writeFile(await lockPathFor(target), `${String(deadPid())}\n`);
    const lock = await lockTarget(target, "app");
    expect(await readFile(await lockPathFor(target), "utf8")).toBe(`${String(process.pid)}\n`);
    await lock.release();
  });
});

describe("recovery from a journal a killed run left", () => {
  async function interrupted(): Promise<{ root: string; journal: Journal }> {
    const root = await parentDir();
    await writeFile(join(root, "kept.txt"), "original\n");
    const journal: Journal = {
      pid: deadPid(),
      createdDirs: [".litclaude", "new"],
      entries: [
        {
          path: "kept.txt",
          before: Buffer.from("original\n").toString("base64"),
          mode: 0o644,
          after: fingerprint(new TextEncoder().encode("replaced\n")),
        },
        {
          path: "new/added.txt",
          before: null,
          mode: 0o644,
          after: fingerprint(new TextEncoder().encode("added\n")),
        },
      ],
    };
    await writeJournal(root, journal);
    await writeFile(join(root, "kept.txt"), "replaced\n");
    await mkdir(join(root, "new"));
    await writeFile(join(root, "new", "added.txt"), "added\n");
    await writeFile(join(root, `kept.txt.${String(journal.pid)}-7.litclaude-tmp`), "half");
    return { root, journal };
  }

  it("puts every file back byte for byte and removes what the run added", async () => {
    const { root } = await interrupted();
    const recovered = await recoverInterrupted(root);
    expect([...(recovered?.restored ?? [])].sort()).toEqual(["kept.txt", "new/added.txt"]);
    expect(await readFile(join(root, "kept.txt"), "utf8")).toBe("original\n");
    expect((await readdir(root)).sort()).toEqual(["kept.txt"]);
  });

  it("leaves a file someone changed after the run, and says so", async () => {
    const { root } = await interrupted();
    await writeFile(join(root, "kept.txt"), "edited by hand\n");
    const recovered = await recoverInterrupted(root);
    expect(recovered?.kept).toEqual(["kept.txt"]);
    expect(await readFile(join(root, "kept.txt"), "utf8")).toBe("edited by hand\n");
  });

  it("is nothing to do where no journal is", async () => {
    expect(await recoverInterrupted(await parentDir())).toBeUndefined();
  });
});

describe("a lock draft a killed run left", () => {
  it("is removed by the next run that takes the lock", async () => {
    const target = join(await parentDir(), "app");
    const draft = `${await lockPathFor(target)}.${String(deadPid())}`;
    await writeFile(draft, "123\n");
    const lock = await lockTarget(target, "app");
    await lock.release();
    expect(await readdir(join(target, ".."))).toEqual([]);
  });
});
