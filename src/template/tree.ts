import { lstat, readFile, readdir, realpath, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { TemplateEntry } from "../core/template-tree.js";
import { TEMPLATE_LIMITS } from "./limits.js";
import { MANIFEST_FILE, SCHEMA_COPY } from "./manifest-schema.js";
import { refuse } from "./refusal.js";

/** Folders a template repository carries that are never template files. */
const SKIPPED_FOLDERS = new Set([".git"]);

function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep);
}

interface Found {
  readonly path: string;
  readonly file: string;
}

async function walk(root: string, realRoot: string, dir: string, found: Found[]): Promise<void> {
  const dirents = await readdir(dir, { withFileTypes: true });
  for (const dirent of dirents) {
    const file = join(dir, dirent.name);
    const path = relative(root, file).split(sep).join("/");
    if (dirent.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(dirent.name)) await walk(root, realRoot, file, found);
      continue;
    }
    if (dirent.isSymbolicLink()) {
      const target = await realpath(file).catch(() => undefined);
      if (target === undefined) throw refuse(path, "a symlink to nothing", file);
      if (!inside(realRoot, target)) {
        throw refuse(path, `a symlink pointing outside the template (${target})`, file);
      }
      if ((await stat(target)).isDirectory()) {
        throw refuse(path, "a symlink to a folder; copy the folder instead", file);
      }
    } else if (!dirent.isFile()) {
      throw refuse(path, "neither a file nor a folder", file);
    }
    found.push({ path, file });
    if (found.length > TEMPLATE_LIMITS.maxFiles) {
      throw refuse(path, `the template holds more than ${String(TEMPLATE_LIMITS.maxFiles)} files`);
    }
  }
}

/** Two paths that one case-insensitive file system (macOS, Windows) would take for one file. */
export function caseCollision(paths: readonly string[]): readonly [string, string] | undefined {
  const byFolded = new Map<string, string>();
  for (const path of paths) {
    const folded = path.normalize("NFC").toLowerCase();
    const other = byFolded.get(folded);
    if (other !== undefined && other !== path) return [other, path];
    byFolded.set(folded, path);
  }
  return undefined;
}

/**
 * Reads a team template's files (the manifest, its schema copy and `.git/` left out) as untrusted input:
 * symlinks leaving the template, names that collide by case, and files or totals over
 * TEMPLATE_LIMITS are refused, naming the path, before anything else happens.
 */
export async function readUntrustedTree(root: string): Promise<readonly TemplateEntry[]> {
  const realRoot = await realpath(root);
  const found: Found[] = [];
  await walk(root, realRoot, root, found);
  found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const collision = caseCollision(found.map((item) => item.path));
  if (collision !== undefined) {
    throw refuse(collision[1], `differs from ${collision[0]} only by case`);
  }
  let total = 0;
  const entries: TemplateEntry[] = [];
  for (const item of found) {
    if (item.path === MANIFEST_FILE || item.path === SCHEMA_COPY) continue;
    const info = await lstat(item.file).then(async (link) =>
      link.isSymbolicLink() ? stat(item.file) : link,
    );
    if (info.size > TEMPLATE_LIMITS.maxFileBytes) {
      throw refuse(
        item.path,
        `${String(info.size)} bytes, over the limit of ${String(TEMPLATE_LIMITS.maxFileBytes)}`,
        item.file,
      );
    }
    total += info.size;
    if (total > TEMPLATE_LIMITS.maxTotalBytes) {
      throw refuse(
        item.path,
        `the files pass ${String(TEMPLATE_LIMITS.maxTotalBytes)} bytes together`,
      );
    }
    entries.push({
      path: item.path,
      bytes: new Uint8Array(await readFile(item.file)),
      executable: (info.mode & 0o111) !== 0,
    });
  }
  return entries;
}
