import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** One file found in a template layer: its path inside the layer and its bytes. */
export interface TemplateEntry {
  readonly path: string;
  readonly bytes: Uint8Array;
  /** The source file has an executable bit. */
  readonly executable: boolean;
}

/**
 * Reads every file below `dir` (posix paths, sorted); a missing folder is an empty layer.
 * Synchronous on purpose: dozens of small local files read faster without a thread-pool hop
 * each, and this runs before anything else can happen.
 */
export function readTemplateTree(dir: string): Promise<readonly TemplateEntry[]> {
  const isDirectory = statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
  if (!isDirectory) return Promise.resolve([]);
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile())
    .map((dirent) => join(dirent.parentPath, dirent.name))
    .sort();
  return Promise.resolve(
    files.map((file) => ({
      path: relative(dir, file).split(sep).join("/"),
      bytes: new Uint8Array(readFileSync(file)),
      executable: (statSync(file).mode & 0o111) !== 0,
    })),
  );
}
