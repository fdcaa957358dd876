import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LitError } from "../core/errors.js";

export type ThreeWayResult =
  | { readonly clean: true; readonly text: string }
  | { readonly clean: false; readonly text: string; readonly conflicts: number };

/** The labels of the conflict markers: `<<<<<<< yours`, `||||||| base`, `>>>>>>> template`. */
export const LABELS = { ours: "yours", base: "base", theirs: "template" } as const;

function gitMergeFile(dir: string): Promise<{ code: number; stdout: string }> {
  const args = [
    "merge-file",
    "-p",
    "--diff3",
    "-L",
    LABELS.ours,
    "-L",
    LABELS.base,
    "-L",
    LABELS.theirs,
    join(dir, "ours"),
    join(dir, "base"),
    join(dir, "theirs"),
  ];
  return new Promise((resolve, reject) => {
    execFile("git", args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error === null) {
        resolve({ code: 0, stdout });
        return;
      }
      const code = typeof error.code === "number" ? error.code : -1;
      // A positive exit is the number of conflicts; anything else is git failing.
      if (code > 0 && code < 128) resolve({ code, stdout });
      else reject(new Error(error.message));
    });
  });
}

/**
 * A line-based three-way merge by `git merge-file --diff3`: the base's change to theirs applied
 * to ours, with diff3 markers (ours, base, theirs) where both changed the same lines.
 */
export async function mergeText(
  base: string,
  ours: string,
  theirs: string,
): Promise<ThreeWayResult> {
  if (ours === base || ours === theirs) return { clean: true, text: theirs };
  if (theirs === base) return { clean: true, text: ours };
  const dir = await mkdtemp(join(tmpdir(), "litclaude-merge-"));
  try {
    await Promise.all([
      writeFile(join(dir, "base"), base),
      writeFile(join(dir, "ours"), ours),
      writeFile(join(dir, "theirs"), theirs),
    ]);
    const { code, stdout } = await gitMergeFile(dir).catch((error: unknown) => {
      throw new LitError("failed", `git merge-file failed: ${String(error)}`, {
        hint: "update needs git on PATH (git --version); nothing was written",
      });
    });
    return code === 0
      ? { clean: true, text: stdout }
      : { clean: false, text: stdout, conflicts: code };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
