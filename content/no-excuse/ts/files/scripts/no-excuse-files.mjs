// @ts-check
// Finds the files to check, honouring .gitignore files on the way down.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** @typedef {{ base: string, regex: RegExp, negate: boolean, dirOnly: boolean }} Pattern */

export const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
// Never project code, whatever .gitignore says (a missing .gitignore must not
// send the checker through node_modules).
const ALWAYS_SKIPPED = new Set(["node_modules"]);

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
  const body = globToRegex(line);
  const regex = new RegExp(`^${anchored ? "" : "(?:.*/)?"}${body}$`);
  return { base, regex, negate, dirOnly };
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
      const skipped = entry.name.startsWith(".") || ALWAYS_SKIPPED.has(entry.name);
      if (!skipped && !ignored(patterns, file, true)) walk(file, patterns, out);
    } else if (entry.isFile() && checkable(entry.name) && !ignored(patterns, file, false)) {
      out.push(file);
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
 * Lists the checkable files that targets name: folders are walked, files kept.
 * Throws an Error with code ENOENT for a target that does not exist.
 * @param {string} root
 * @param {string[]} targets absolute paths
 */
export function collect(root, targets) {
  /** @type {string[]} */
  const found = [];
  for (const target of targets) {
    const stat = statSync(target);
    if (stat.isDirectory()) walk(target, ancestorPatterns(root, target), found);
    else if (checkable(target)) found.push(target);
  }
  return [...new Set(found)].sort();
}
