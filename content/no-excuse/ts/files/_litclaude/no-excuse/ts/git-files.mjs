// @ts-check
// Inside a git work tree, git itself says which files belong to the project: tracked ones and
// untracked ones that no ignore rule (any .gitignore, .git/info/exclude, the global excludes)
// hides. That is the list every other tool of the project works from.
import { spawnSync } from "node:child_process";
import path from "node:path";

/**
 * The files git lists under dir, as absolute paths, or undefined when dir is not inside a git
 * work tree (or git is not installed) or git lists nothing there (a project kept in a folder
 * its parent repository ignores), in which case the caller walks the folder itself.
 * @param {string} dir
 * @returns {string[] | undefined}
 */
export function gitFiles(dir) {
  const args = ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."];
  const listed = spawnSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (listed.error !== undefined || listed.status !== 0) return undefined;
  const names = listed.stdout.split("\0").filter((name) => name !== "");
  return names.length === 0 ? undefined : names.map((name) => path.join(dir, name));
}
