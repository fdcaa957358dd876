import { stat } from "node:fs/promises";
import { dirname, join, sep } from "node:path";
import { usageError } from "./errors.js";
import { errnoCode, fileSystemError } from "./fs-errors.js";

/** Linux and macOS limits: a name of 255 bytes, a path of 4095. */
const NAME_MAX = 255;
const PATH_MAX = 4095;

const NOTHING_WRITTEN = "nothing was written";

/** Refuses, before anything is written, a path the file system would reject for its length. */
export function assertPathLengths(targetDir: string, relativePaths: readonly string[]): void {
  const longestFile = relativePaths.reduce(
    (longest, path) => (path.length > longest.length ? path : longest),
    "",
  );
  for (const name of targetDir.split(sep)) {
    if (Buffer.byteLength(name) > NAME_MAX) {
      throw usageError(
        `the name "${name.slice(0, 40)}..." is ${String(Buffer.byteLength(name))} bytes; the file system allows ${String(NAME_MAX)}`,
        `choose a shorter directory name; ${NOTHING_WRITTEN}`,
      );
    }
  }
  const full = join(targetDir, longestFile);
  if (Buffer.byteLength(full) > PATH_MAX) {
    throw usageError(
      `${full.slice(0, 60)}... would be ${String(Buffer.byteLength(full))} bytes long; the file system allows ${String(PATH_MAX)}`,
      `choose a directory closer to the root; ${NOTHING_WRITTEN}`,
    );
  }
}

/**
 * The nearest folder of the target's path that exists (the target itself when it does). A file or
 * a looping link on the way is bad input, reported before anything is written.
 */
export async function nearestExistingFolder(targetDir: string): Promise<string> {
  let current = targetDir;
  for (;;) {
    try {
      const info = await stat(current);
      if (info.isDirectory()) return current;
      throw usageError(
        `${current} is a file, so ${targetDir} cannot be created`,
        `choose a path whose parents are folders; ${NOTHING_WRITTEN}`,
      );
    } catch (error: unknown) {
      const code = errnoCode(error);
      if (code !== "ENOENT") throw fileSystemError(error, current, NOTHING_WRITTEN);
    }
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
  }
}
