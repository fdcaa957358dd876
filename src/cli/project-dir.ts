import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { usageError, type LitError } from "../core/errors.js";

/** What is wrong with a project directory as typed, and the fix; undefined when it is fine. */
export function dirMistake(dir: string): LitError | undefined {
  if (dir.trim() === "") {
    return usageError(
      "the project directory is empty",
      "pass a folder name, or . for the current folder",
    );
  }
  if (dir.trim() !== dir) {
    return usageError(
      `the project directory "${dir}" starts or ends with a space`,
      "remove the spaces",
    );
  }
  if (/^~[^/]/.test(dir)) {
    const user = dir.split("/")[0] ?? dir;
    return usageError(
      `${user} names another user's home folder, which is not expanded here`,
      `write the full path, or ./${dir} for a folder of that name`,
    );
  }
  return undefined;
}

/**
 * The absolute target for a directory as typed. A leading `~` or `~/` means the home folder, as
 * a shell reads it: a prompt answer is never expanded by a shell, and a quoted `~` is not either.
 */
export function targetPath(dir: string, cwd: string, home: string = homedir()): string {
  const mistake = dirMistake(dir);
  if (mistake !== undefined) throw mistake;
  if (dir === "~") return home;
  if (dir.startsWith("~/")) return join(home, dir.slice(2));
  return resolve(cwd, dir);
}
