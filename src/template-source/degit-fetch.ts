import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { LitError, cancelled } from "../core/errors.js";
import { DEGIT_SITES } from "./forge.js";
import { checkoutCommit, missingSubdir } from "./git-checkout.js";
import { FatalDownload, archiveDownloader } from "./http-download.js";
import type { Remote } from "./remote.js";
import type { ForgeSpec } from "./spec.js";

function degitCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string"
    ? error.code
    : undefined;
}

function originalOf(error: unknown): unknown {
  return error instanceof Error && "original" in error ? error.original : undefined;
}

/**
 * Fetches a forge source's files at an exact commit with degit (an archive download, no
 * history), into `tree`. degit is held to what we need: the commit is already resolved (its
 * ref lookup gets that commit back), its archive goes to our staging folder not its own cache,
 * a template's `degit.json` actions never run (they could clone more or copy environment
 * values into files), and it does not fall back to cloning by itself.
 */
async function degitInto(
  spec: ForgeSpec,
  remote: Remote,
  commit: string,
  work: string,
  tree: string,
): Promise<void> {
  const { default: degit } = await import("degit");
  const path = spec.subdir === undefined ? "" : `/${spec.subdir}`;
  const emitter = degit(`${DEGIT_SITES[spec.kind]}:${spec.owner}/${spec.repo}${path}#${commit}`, {
    cache: false,
    force: true,
    fetch: archiveDownloader(spec.source, spec.kind === "gh", remote.git.env, remote.git.signal),
    git: {
      fetchRefs: () => Promise.resolve([{ hash: commit, name: commit, type: "commit" }]),
      clone: () => Promise.reject(new Error("degit wanted to clone: fetching with git instead")),
    },
  });
  emitter.getDirectives = () => false;
  emitter.shouldFallbackToGit = () => false;
  const archives = join(work, "archives");
  await mkdir(archives, { recursive: true });
  // getRepoDir is where degit keeps its archives (its own cache under the home folder otherwise).
  Object.defineProperty(emitter, "getRepoDir", { value: () => archives });
  await emitter.clone(tree);
}

/** degit first; when the archive route fails (a private repository, an LFS file), git itself. */
export async function fetchForge(
  spec: ForgeSpec,
  remote: Remote,
  commit: string,
  work: string,
  tree: string,
): Promise<void> {
  try {
    await degitInto(spec, remote, commit, join(work, "degit"), tree);
    return;
  } catch (error: unknown) {
    const fatal = error instanceof FatalDownload ? error : originalOf(error);
    if (fatal instanceof FatalDownload) throw fatal.error;
    if (error instanceof LitError) throw error;
    if (remote.git.signal.aborted) throw cancelled();
    if (degitCode(error) === "MISSING_SUBDIR" && spec.subdir !== undefined) {
      throw missingSubdir(spec.source, spec.subdir, []);
    }
  }
  await rm(tree, { recursive: true, force: true });
  await checkoutCommit(remote, commit, spec.subdir, join(work, "git"), tree);
}
