import { execFileSync } from "node:child_process";
import { chmod, cp, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { REPO_ROOT, tempDir } from "../support.js";

const mounted: string[] = [];

/** Mounts a fresh tmpfs at `dir` (created if missing); `unmountAll` takes it away again. */
export async function mountTmpfs(dir: string, options: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir]);
  mounted.push(dir);
  return dir;
}

export function remountReadOnly(dir: string): void {
  execFileSync("mount", ["-o", "remount,ro", dir]);
}

export function unmountAll(): void {
  for (const dir of mounted.splice(0).reverse()) execFileSync("umount", ["-l", dir]);
}

/** The uid and gid of `nobody`: a user for whom file modes count, unlike root. */
export const NOBODY = 65534;

/**
 * A copy of the built package that every user can read, so the bin can run as `nobody` whatever
 * the permissions of the folder this repository was cloned into.
 */
export async function worldReadablePackage(): Promise<string> {
  const root = await tempDir("litclaude-pkg-");
  for (const part of ["dist", "templates", "content", "package.json", ".claude-plugin"]) {
    await cp(join(REPO_ROOT, part), join(root, part), { recursive: true });
  }
  execFileSync("chmod", ["-R", "a+rX", root]);
  await chmod(root, 0o755);
  return join(root, "dist", "cli.js");
}
