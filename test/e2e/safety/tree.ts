import { createHash } from "node:crypto";
import { lstat, readFile, readdir, readlink } from "node:fs/promises";
import { join } from "node:path";

/** Every path under `root` (folders end in `/`), sorted. */
export async function listTree(root: string, prefix = ""): Promise<string[]> {
  const paths: string[] = [];
  for (const entry of await readdir(join(root, prefix), { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) paths.push(`${path}/`, ...(await listTree(root, `${path}/`)));
    else paths.push(path);
  }
  return paths.sort();
}

/** One hash over every path, mode and content under `root`: equal trees, equal hashes. */
export async function treeHash(root: string): Promise<string> {
  const hash = createHash("sha256");
  for (const path of await listTree(root)) {
    const info = await lstat(join(root, path));
    hash.update(`${path}\0${info.mode.toString(8)}\0`);
    if (info.isSymbolicLink()) hash.update(await readlink(join(root, path)));
    else if (info.isFile()) hash.update(await readFile(join(root, path)));
  }
  return hash.digest("hex");
}
