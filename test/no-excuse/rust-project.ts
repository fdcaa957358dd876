import { existsSync, readdirSync, renameSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { run, type RunResult } from "../e2e/support.js";
import { makeProject } from "./native-harness.js";

/** The checker's home in a generated project; content stores it as `_litclaude`. */
export const CHECKER = ".litclaude/no-excuse/rust";

export async function git(cwd: string, ...args: string[]): Promise<void> {
  const result = await run("git", args, cwd);
  expect(result.exitCode, result.output).toBe(0);
}

/** The fixture project with the checker where the renderer puts it, optionally a git work tree. */
export async function makeRustProject(withGit: boolean): Promise<string> {
  const dir = makeProject("rust");
  if (existsSync(path.join(dir, "_litclaude"))) {
    renameSync(path.join(dir, "_litclaude"), path.join(dir, ".litclaude"));
  }
  if (withGit) await git(dir, "init", "--quiet");
  return dir;
}

/** The checker binary scripts/no-excuse built (run it directly to run it as another user). */
export function builtChecker(dir: string): string {
  const out = path.join(dir, "target", "litclaude-no-excuse");
  const bin = readdirSync(out).find((name) => /^no-excuse-[0-9-]+$/.test(name));
  if (bin === undefined) throw new Error(`no checker binary in ${out}`);
  return path.join(out, bin);
}

/**
 * Runs the built checker as an unprivileged user when the tests run as root, for whom no file is
 * unreadable.
 */
export function checkAsUser(
  dir: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<RunResult> {
  const bin = builtChecker(dir);
  if (process.getuid?.() !== 0) return run(bin, args, dir, env);
  const asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups", bin, ...args];
  return run("setpriv", asNobody, dir, env);
}
