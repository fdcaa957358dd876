import { chmod, chown, mkdir, readdir, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  NOBODY,
  mountTmpfs,
  remountReadOnly,
  unmountAll,
  worldReadablePackage,
} from "./safety/mounts.js";
import { BIN, run, runBin, tempDir, type RunResult } from "./support.js";

const CREATE = ["--lang", "ts", "--yes", "--no-install", "--no-git"];

afterEach(unmountAll);

function expectEnvironmentError(result: RunResult, cause: RegExp, path: string): void {
  expect(result.exitCode, result.output).toBe(1);
  expect(result.stderr).toMatch(cause);
  expect(result.stderr).toContain(path);
  expect(result.stderr).toMatch(/fix: /);
  expect(result.stderr).not.toContain("this is a bug");
}

describe("a disk that cannot take the project: exit 1, the cause and the fix, no debris", () => {
  it("a read-only file system (EROFS)", async () => {
    const disk = await mountTmpfs(join(await tempDir(), "disk"), "size=4m");
    remountReadOnly(disk);
    const result = await runBin(["sub/app", ...CREATE], disk);
    expectEnvironmentError(result, /read-only \(EROFS\)/, disk);
    expect(await readdir(disk)).toEqual([]);
  });

  it("a full disk (ENOSPC)", async () => {
    const disk = await mountTmpfs(join(await tempDir(), "disk"), "size=64k");
    const result = await runBin(["sub/app", ...CREATE], disk);
    expectEnvironmentError(result, /no space left .*\(ENOSPC\)/, disk);
    expect(await readdir(disk)).toEqual([]);
  });

  it("a disk out of inodes (ENOSPC)", async () => {
    const disk = await mountTmpfs(join(await tempDir(), "disk"), "size=8m,nr_inodes=24");
    const result = await runBin(["app", ...CREATE], disk);
    expectEnvironmentError(result, /\(ENOSPC\)/, disk);
    expect(await readdir(disk)).toEqual([]);
  });
});

describe("targets where a staging folder beside them would not work", () => {
  it("a mount point as the target, run from inside it (create .)", async () => {
    const disk = await mountTmpfs(join(await tempDir(), "app"), "size=16m");
    const result = await runBin([".", ...CREATE], disk);
    expect(result.exitCode, result.output).toBe(0);
    expect(await readdir(disk)).toContain("package.json");
  });

  it("a mount point as the target, named from its parent", async () => {
    const parent = await tempDir();
    const disk = await mountTmpfs(join(parent, "app"), "size=16m");
    const result = await runBin(["app", ...CREATE], parent);
    expect(result.exitCode, result.output).toBe(0);
    expect(await readdir(disk)).toContain("AGENTS.md");
    expect(await readdir(parent)).toEqual(["app"]);
  });
});

describe("permissions, as a user for whom they count", () => {
  let bin = "";
  beforeAll(async () => {
    bin = await worldReadablePackage();
  });

  function runAsNobody(args: readonly string[], cwd: string): Promise<RunResult> {
    return run(
      "setpriv",
      [
        `--reuid=${String(NOBODY)}`,
        `--regid=${String(NOBODY)}`,
        "--clear-groups",
        process.execPath,
        bin,
        ...args,
      ],
      cwd,
      { HOME: cwd },
    );
  }

  it("an empty target it may write under a parent it may not: works, nothing left beside", async () => {
    const parent = await tempDir();
    await chmod(parent, 0o755);
    await mkdir(join(parent, "app"));
    await chown(join(parent, "app"), NOBODY, NOBODY);
    const result = await runAsNobody(["app", ...CREATE], parent);
    expect(result.exitCode, result.output).toBe(0);
    expect(await readdir(join(parent, "app"))).toContain("package.json");
    expect(await readdir(join(parent, "app"))).not.toContain(".litclaude-lock");
    expect(await readdir(parent)).toEqual(["app"]);
  });

  it("a folder it may not write (EACCES): exit 1, the cause and the fix", async () => {
    const parent = await tempDir();
    await chmod(parent, 0o755);
    const result = await runAsNobody(["deep/app", ...CREATE], parent);
    expectEnvironmentError(result, /permission denied \(EACCES\)/, parent);
    expect(await readdir(parent)).toEqual([]);
  });
});

describe("paths that cannot be: exit 2 before anything is written", () => {
  it("a name too long for the file system (ENAMETOOLONG)", async () => {
    const parent = await tempDir();
    const result = await runBin(["a".repeat(300), "--name", "app", ...CREATE], parent);
    expect(result.exitCode, result.output).toBe(2);
    expect(result.stderr).toContain("is 300 bytes; the file system allows 255");
    expect(await readdir(parent)).toEqual([]);
  });

  it("a file where a folder of the path should be (ENOTDIR)", async () => {
    const parent = await tempDir();
    await writeFile(join(parent, "notes.txt"), "mine\n");
    const result = await runBin(["notes.txt/app", "--name", "app", ...CREATE], parent);
    expect(result.exitCode, result.output).toBe(2);
    expect(result.stderr).toContain("notes.txt");
    expect(await readdir(parent)).toEqual(["notes.txt"]);
  });

  it("a symbolic link loop in the path (ELOOP)", async () => {
    const parent = await tempDir();
    await symlink("loop", join(parent, "loop"));
    const result = await runBin(["loop/app", "--name", "app", ...CREATE], parent);
    expect(result.exitCode, result.output).toBe(2);
    expect(result.stderr).toContain("symbolic link loop");
    expect(await readdir(parent)).toEqual(["loop"]);
  });
});

describe("the new project root", () => {
  it("gets the mode the umask gives (0755 under 022), not a temporary folder's 0700", async () => {
    const parent = await tempDir();
    const made = await run(
      "sh",
      ["-c", 'umask 022 && exec "$@"', "sh", process.execPath, BIN, "app", ...CREATE],
      parent,
    );
    expect(made.exitCode, made.output).toBe(0);
    expect((await stat(join(parent, "app"))).mode & 0o777).toBe(0o755);
  });
});
