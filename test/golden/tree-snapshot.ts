import { createHash } from "node:crypto";
import { readFile, readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";

/** The vendored plugin: pinned as one hash over its files (its own tests check what is in it). */
export const PLUGIN_DIR = ".claude/skills/litclaude/";

/** One generated file: its path, whether it is executable, and its text. */
export interface SnapshotFile {
  readonly path: string;
  readonly executable: boolean;
  /** The text as written; empty for plugin files, which the `(tree)` entry pins by hash. */
  readonly body: string;
}

const HEADER = /^(==>) ([x-]) (.+)$/;
const NO_FINAL_NEWLINE = "\\ no newline at end of file";

/** Every file under root, sorted by path, each text passed through `mask` (for what must vary). */
export async function snapshotTree(
  root: string,
  mask: (path: string, text: string) => string,
): Promise<SnapshotFile[]> {
  const dirents = await readdir(root, { recursive: true, withFileTypes: true });
  const paths = dirents
    .filter((dirent) => dirent.isFile())
    .map((dirent) => relative(root, join(dirent.parentPath, dirent.name)))
    .sort();
  const files: SnapshotFile[] = [];
  const plugin = createHash("sha256");
  let pluginFiles = 0;
  for (const path of paths) {
    const full = join(root, path);
    const executable = ((await stat(full)).mode & 0o111) !== 0;
    const bytes = await readFile(full);
    if (path.startsWith(PLUGIN_DIR)) {
      plugin.update(`${executable ? "x" : "-"} ${path}\n${String(bytes.length)}\n`).update(bytes);
      pluginFiles += 1;
      files.push({ path, executable, body: "" });
      continue;
    }
    files.push({ path, executable, body: mask(path, bytes.toString("utf8")) });
  }
  if (pluginFiles > 0) {
    const digest = plugin.digest("hex");
    files.push({
      path: `${PLUGIN_DIR}(tree)`,
      executable: false,
      body: `${String(pluginFiles)} files, sha256 ${digest}\n`,
    });
  }
  return files;
}

/** The golden text: per file a header line `==> <x|-> <path>`, then each line prefixed `| `. */
export function formatSnapshot(files: readonly SnapshotFile[]): string {
  const out: string[] = [];
  for (const file of files) {
    out.push(`==> ${file.executable ? "x" : "-"} ${file.path}`);
    if (file.body === "") continue;
    const lines = file.body.split("\n");
    const last = lines.pop();
    for (const line of lines) out.push(`| ${line}`);
    if (last !== "") out.push(`| ${last ?? ""}`, NO_FINAL_NEWLINE);
  }
  return `${out.join("\n")}\n`;
}

/** Reads a golden text back; throws naming the line when it is not one formatSnapshot wrote. */
export function parseSnapshot(text: string): SnapshotFile[] {
  const files: { path: string; executable: boolean; lines: string[]; final: boolean }[] = [];
  const lines = text.split("\n");
  if (lines.pop() !== "") throw new Error("a golden file ends with a newline");
  lines.forEach((line, index) => {
    const header = HEADER.exec(line);
    const current = files.at(-1);
    if (header !== null) {
      files.push({ path: header[3] ?? "", executable: header[2] === "x", lines: [], final: true });
    } else if (current !== undefined && line.startsWith("| ")) {
      current.lines.push(line.slice(2));
    } else if (current !== undefined && line === NO_FINAL_NEWLINE) {
      current.final = false;
    } else {
      throw new Error(`golden line ${String(index + 1)} is neither a header nor file text`);
    }
  });
  return files.map(({ path, executable, lines: body, final }) => ({
    path,
    executable,
    body: body.length === 0 ? "" : `${body.join("\n")}${final ? "\n" : ""}`,
  }));
}
