import { mkdir, rename, stat } from "node:fs/promises";
import { join } from "node:path";
import { LitError } from "../core/errors.js";
import { failureCause, gitFailure } from "./git-errors.js";
import { runGit } from "./git-run.js";
import type { Remote } from "./remote.js";

/** The error for a subfolder the commit does not have, with the folders it does have. */
export function missingSubdir(
  source: string,
  subdir: string,
  folders: readonly string[],
): LitError {
  const listed =
    folders.length === 0 ? "" : ` (its top-level folders: ${folders.slice(0, 10).join(", ")})`;
  return new LitError(
    "failed",
    `${source}: the repository has no folder ${subdir} at that commit${listed}`,
    {
      hint: "check the path after the repository name; it is relative to the repository's root",
    },
  );
}

/**
 * Fetches exactly one commit (depth 1) into a fresh bare repository in `work`, checks it out
 * (only the subfolder when there is one) and moves the result to `tree`, which holds no `.git`.
 */
export async function checkoutCommit(
  remote: Remote,
  commit: string,
  subdir: string | undefined,
  work: string,
  tree: string,
): Promise<void> {
  const gitDir = join(work, "repo.git");
  const checkout = join(work, "checkout");
  await mkdir(checkout, { recursive: true });
  const git = (args: readonly string[]) => runGit(["--git-dir", gitDir, ...args], remote.git);
  const init = await runGit(["init", "--quiet", "--bare", gitDir], remote.git);
  if (!init.ok)
    throw new LitError("failed", `git init failed: ${init.stderr.trim()}`, {
      hint: "check that git works (git --version)",
    });
  const fetchOne = (what: string) =>
    git(["fetch", "--quiet", "--depth", "1", "--no-tags", "--end-of-options", remote.url, what]);
  let fetched = await fetchOne(commit);
  // A server on the old protocol refuses a commit by hash unless a ref is named; the ref that
  // resolved to it is asked for instead, and the commit it brings is checked below.
  const byName = remote.spec.ref ?? "HEAD";
  if (
    !fetched.ok &&
    failureCause(fetched.stderr, remote.token) === "missing-commit" &&
    byName !== commit
  ) {
    fetched = await fetchOne(byName);
  }
  if (!fetched.ok) throw gitFailure(remote.spec.source, fetched.stderr, remote.token);
  const head = await git(["rev-parse", "--verify", "--end-of-options", "FETCH_HEAD^{commit}"]);
  if (!head.ok || head.stdout.trim() !== commit) {
    throw new LitError(
      "failed",
      `${remote.spec.source}: the server sent ${head.stdout.trim()} when asked for ${commit}`,
      {
        hint: "run again; if it persists, name the commit after # explicitly",
      },
    );
  }
  const checkedOut = await git([
    "-c",
    "core.autocrlf=false",
    "-c",
    "core.bare=false",
    "--work-tree",
    checkout,
    "checkout",
    "--quiet",
    "--force",
    commit,
    "--",
    subdir ?? ".",
  ]);
  const topFolders = async (): Promise<readonly string[]> => {
    const listed = await git(["ls-tree", "--name-only", "-d", "--end-of-options", commit]);
    return listed.ok ? listed.stdout.split("\n").filter((name) => name !== "") : [];
  };
  if (!checkedOut.ok) {
    if (subdir !== undefined && checkedOut.stderr.includes("did not match any file")) {
      throw missingSubdir(remote.spec.source, subdir, await topFolders());
    }
    throw new LitError(
      "failed",
      `${remote.spec.source}: git checkout failed: ${checkedOut.stderr.trim()}`,
      {
        hint: "run again; the cache keeps nothing from a failed fetch",
      },
    );
  }
  const root = subdir === undefined ? checkout : join(checkout, subdir);
  const isFolder = await stat(root).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isFolder) throw missingSubdir(remote.spec.source, subdir ?? ".", await topFolders());
  await rename(root, tree);
}
