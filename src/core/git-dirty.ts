import { execFile } from "node:child_process";

/**
 * Which of `paths` (relative to `repoDir`) have uncommitted changes, by `git status`. Empty when
 * the folder is not a git work tree or git is missing: then there is nothing to lose to git.
 */
export async function dirtyPaths(repoDir: string, paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  return new Promise((resolve) => {
    execFile(
      "git",
      ["-C", repoDir, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ...paths],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => {
        if (error !== null) {
          resolve([]);
          return;
        }
        const records = stdout.split("\0").filter((record) => record.length > 3);
        resolve(records.map((record) => record.slice(3)));
      },
    );
  });
}
