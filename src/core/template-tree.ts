import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/** One file found in a template layer: its path inside the layer and its bytes. */
export interface TemplateEntry {
  readonly path: string;
  readonly bytes: Uint8Array;
  /** The source file has an executable bit. */
  readonly executable: boolean;
}

/** Reads every file below `dir` (posix paths, sorted); a missing folder is an empty layer. */
export async function readTemplateTree(dir: string): Promise<readonly TemplateEntry[]> {
  const exists = await stat(dir).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!exists) return [];
  const dirents = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = dirents
    .filter((dirent) => dirent.isFile())
    .map((dirent) => join(dirent.parentPath, dirent.name))
    .sort();
  return Promise.all(
    files.map(async (file) => ({
      path: relative(dir, file).split(sep).join("/"),
      bytes: new Uint8Array(await readFile(file)),
      executable: ((await stat(file)).mode & 0o111) !== 0,
    })),
  );
}
