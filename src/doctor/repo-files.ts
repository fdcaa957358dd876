import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import ignore, { type Ignore } from "ignore";

/** Folders no walk enters, whatever .gitignore says: dependencies and build output. */
const NEVER_WALKED = new Set([".git", "node_modules", "target", ".venv", "dist"]);

/** The files git would consider (tracked, plus untracked ones it does not ignore); undefined outside git. */
function gitFiles(projectDir: string): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    execFile(
      "git",
      ["-C", projectDir, "ls-files", "-co", "--exclude-standard", "-z"],
      { maxBuffer: 256 * 1024 * 1024 },
      (error, stdout) => {
        resolve(error === null ? stdout.split("\0").filter((path) => path !== "") : undefined);
      },
    );
  });
}

interface Rules {
  /** The folder (from the root, "" for the root) whose .gitignore these are. */
  readonly base: string;
  readonly matcher: Ignore;
}

function ignoredBy(rules: readonly Rules[], path: string, isDir: boolean): boolean {
  return rules.some((rule) => {
    const inside = rule.base === "" ? path : path.slice(rule.base.length + 1);
    return inside !== "" && rule.matcher.ignores(isDir ? `${inside}/` : inside);
  });
}

async function walk(
  root: string,
  dir: string,
  rules: readonly Rules[],
  out: string[],
): Promise<void> {
  const abs = dir === "" ? root : join(root, dir);
  const entries = await readdir(abs, { withFileTypes: true }).catch(() => []);
  const own = await readFile(join(abs, ".gitignore"), "utf8").then(
    (text) => [...rules, { base: dir, matcher: ignore().add(text) }],
    () => rules,
  );
  const folders: Promise<void>[] = [];
  for (const entry of entries) {
    const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (NEVER_WALKED.has(entry.name) || ignoredBy(own, path, true)) continue;
      folders.push(walk(root, path, own, out));
    } else if (!ignoredBy(own, path, false)) {
      out.push(path);
    }
  }
  await Promise.all(folders);
}

/**
 * Every file of the repository that is not ignored, as posix paths from `projectDir`, sorted:
 * git's own list in a git work tree; otherwise a walk that honours each .gitignore and never
 * enters dependency or build folders.
 */
export async function repoFiles(projectDir: string): Promise<readonly string[]> {
  const listed = await gitFiles(projectDir);
  const files = listed ?? [];
  if (listed === undefined) await walk(projectDir, "", [], files);
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
