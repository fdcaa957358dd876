import { createHash } from "node:crypto";
import { lstat, readFile, readdir, readlink } from "node:fs/promises";
import { join } from "node:path";

export interface TreeDigest {
  readonly files: number;
  readonly sha256: string;
}

async function walk(
  root: string,
  relative: string,
  hash: ReturnType<typeof createHash>,
): Promise<number> {
  const names = (await readdir(join(root, relative))).sort();
  let files = 0;
  for (const name of names) {
    const path = relative === "" ? name : `${relative}/${name}`;
    const full = join(root, path);
    const info = await lstat(full);
    if (info.isSymbolicLink()) {
      hash.update(`L\0${path}\0${await readlink(full)}\0`);
      files += 1;
    } else if (info.isDirectory()) {
      hash.update(`D\0${path}\0`);
      files += await walk(root, path, hash);
    } else {
      const executable = (info.mode & 0o111) === 0 ? "-" : "x";
      const content = createHash("sha256")
        .update(await readFile(full))
        .digest("hex");
      hash.update(`F${executable}\0${path}\0${content}\0`);
      files += 1;
    }
  }
  return files;
}

/**
 * One hash over a folder's names, kinds, executable bits, contents and link targets: a cache
 * entry whose files were cut short, removed or edited no longer matches what was recorded.
 */
export async function digestTree(root: string): Promise<TreeDigest> {
  const hash = createHash("sha256");
  const files = await walk(root, "", hash);
  return { files, sha256: hash.digest("hex") };
}
