import { execFile } from "node:child_process";
import { LitError } from "../core/errors.js";

function git(
  repoDir: string,
  args: readonly string[],
  input?: Uint8Array | string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "git",
      ["-C", repoDir, ...args],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error === null) resolve(stdout);
        else
          reject(
            new LitError(
              "failed",
              `git ${args.join(" ")} failed: ${stderr.trim() || error.message}`,
              {
                hint: "the files are written; mark the conflicts by hand with git add after resolving them",
              },
            ),
          );
      },
    );
    child.stdin?.end(input);
  });
}

export async function isGitWorkTree(repoDir: string): Promise<boolean> {
  return git(repoDir, ["rev-parse", "--is-inside-work-tree"]).then(
    (out) => out.trim() === "true",
    () => false,
  );
}

async function blob(repoDir: string, content: Uint8Array): Promise<string> {
  return (await git(repoDir, ["hash-object", "-w", "--stdin"], content)).trim();
}

export interface Unmerged {
  readonly path: string;
  readonly base: Uint8Array | undefined;
  readonly ours: Uint8Array | undefined;
  readonly theirs: Uint8Array | undefined;
  readonly executable: boolean;
}

/**
 * Registers conflicted files as unmerged in the index (stage 1 base, 2 yours, 3 the template's),
 * as git does after a failed merge, so `git status` says "both modified" and mergetools see them.
 */
export async function registerUnmerged(repoDir: string, files: readonly Unmerged[]): Promise<void> {
  if (files.length === 0) return;
  const lines: string[] = [];
  for (const file of files) {
    const mode = file.executable ? "100755" : "100644";
    lines.push(`0 ${"0".repeat(40)}\t${file.path}`);
    const stages = [file.base, file.ours, file.theirs];
    for (const [index, content] of stages.entries()) {
      if (content !== undefined)
        lines.push(`${mode} ${await blob(repoDir, content)} ${String(index + 1)}\t${file.path}`);
    }
  }
  await git(repoDir, ["update-index", "--index-info"], `${lines.join("\n")}\n`);
}
