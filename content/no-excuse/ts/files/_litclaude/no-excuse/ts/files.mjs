// @ts-check
// Finds the files to check: what git lists inside a work tree; outside one, a walk that
// honours .gitignore files on the way down.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gitFiles } from "./git-files.mjs";

/** @typedef {{ base: string, regex: RegExp, negate: boolean, dirOnly: boolean }} Pattern */

export const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
// Never project code, whatever .gitignore says (a missing .gitignore must not
// send the checker through node_modules).
const ALWAYS_SKIPPED = new Set(["node_modules", ".git"]);

/** @param {string} glob */
function globToRegex(glob) {
  let out = "";
  let i = 0;
  while (i < glob.length) {
    const c = glob.charAt(i);
    const end = c === "[" ? glob.indexOf("]", i + 2) : -1;
    if (glob.startsWith("**/", i)) {
      out += "(?:.*/)?";
      i += 3;
    } else if (glob.startsWith("**", i)) {
      out += ".*";
      i += 2;
    } else if (c === "*" || c === "?") {
      out += c === "*" ? "[^/]*" : "[^/]";
      i += 1;
    } else if (end !== -1) {
      const body = glob
        .slice(i + 1, end)
        .replace(/^!/, "^")
        .replaceAll("\\", "\\\\");
      out += `[${body}]`;
      i = end + 1;
    } else {
      const escaped = c === "\\" && i + 1 < glob.length;
      const literal = escaped ? glob.charAt(i + 1) : c;
      out += literal.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
      i += escaped ? 2 : 1;
    }
  }
  return out;
}

/**
 * @param {string} base
 * @param {string} raw
 * @returns {Pattern | undefined}
 */
function parseLine(base, raw) {
  let line = raw.replace(/ +$/, "");
  if (line === "" || line.startsWith("#")) return undefined;
  const negate = line.startsWith("!");
  if (negate) line = line.slice(1);
  const dirOnly = line.endsWith("/");
  line = line.replace(/\/+$/, "");
  const anchored = line.includes("/");
  line = line.replace(/^\/+/, "");
  if (line === "") return undefined;
  try {
    const regex = new RegExp(`^${anchored ? "" : "(?:.*/)?"}${globToRegex(line)}$`);
    return { base, regex, negate, dirOnly };
  } catch (error) {
    // A pattern git cannot match either (a range such as [z-a]) matches nothing.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** @param {string} dir */
function load(dir) {
  const file = path.join(dir, ".gitignore");
  if (!existsSync(file)) return [];
  /** @type {Pattern[]} */
  const patterns = [];
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    const pattern = parseLine(dir, line);
    if (pattern !== undefined) patterns.push(pattern);
  }
  return patterns;
}

/**
 * @param {Pattern[]} patterns
 * @param {string} file
 * @param {boolean} isDir
 */
function ignored(patterns, file, isDir) {
  let result = false;
  for (const pattern of patterns) {
    if (pattern.dirOnly && !isDir) continue;
    const relative = path.relative(pattern.base, file);
    if (relative.startsWith("..") || path.isAbsolute(relative)) continue;
    if (pattern.regex.test(relative.split(path.sep).join("/"))) result = !pattern.negate;
  }
  return result;
}

/** @param {string} file */
const checkable = (file) => EXTENSIONS.some((ext) => file.endsWith(ext));

/** @param {string} file */
function isFile(file) {
  try {
    return statSync(file).isFile();
  } catch (error) {
    // A dangling symlink (an editor's lock file) is no file, for git's users and for us.
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return false;
    throw error;
  }
}

/** @param {string} root @param {string} file */
const skippedPart = (root, file) =>
  path
    .relative(root, file)
    .split(path.sep)
    .some((part) => ALWAYS_SKIPPED.has(part));

/**
 * @param {string} dir
 * @param {Pattern[]} inherited
 * @param {string[]} out
 */
function walk(dir, inherited, out) {
  const patterns = [...inherited, ...load(dir)];
  const entries = readdirSync(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!ALWAYS_SKIPPED.has(entry.name) && !ignored(patterns, file, true)) {
        walk(file, patterns, out);
      }
    } else if (checkable(entry.name) && !ignored(patterns, file, false)) {
      // A symlink to a file counts as the file; one to a folder is not followed (no cycles).
      if (entry.isFile() || (entry.isSymbolicLink() && isFile(file))) out.push(file);
    }
  }
}

/**
 * The .gitignore rules of the folders between root and dir, outermost first.
 * @param {string} root
 * @param {string} dir
 */
function ancestorPatterns(root, dir) {
  const relative = path.relative(root, dir);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return [];
  const parts = relative.split(path.sep).slice(0, -1);
  const patterns = load(root);
  let current = root;
  for (const part of parts) {
    current = path.join(current, part);
    patterns.push(...load(current));
  }
  return patterns;
}

/**
 * The checkable files under one folder: git's list inside a work tree, else a walk.
 * @param {string} root
 * @param {string} dir
 * @param {string[]} out
 */
function listFolder(root, dir, out) {
  const listed = gitFiles(dir);
  if (listed === undefined) {
    walk(dir, ancestorPatterns(root, dir), out);
    return;
  }
  for (const file of listed) {
    if (checkable(file) && !skippedPart(dir, file) && isFile(file)) out.push(file);
  }
}

/**
 * Lists the checkable files that targets name: folders are listed, files kept.
 * Throws an Error with code ENOENT for a target that does not exist.
 * @param {string} root
 * @param {string[]} targets absolute paths
 */
export function collect(root, targets) {
  /** @type {string[]} */
  const found = [];
  for (const target of targets) {
    const stat = statSync(target);
    if (stat.isDirectory()) listFolder(root, target, found);
    else if (checkable(target)) found.push(target);
  }
  return [...new Set(found)].sort();
}
