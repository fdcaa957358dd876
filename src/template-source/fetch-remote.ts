import { LitError } from "../core/errors.js";
import {
  discardEntry,
  entryKey,
  entryState,
  entryTree,
  storeEntry,
  templateCacheRoot,
} from "./cache.js";
import { fetchForge } from "./degit-fetch.js";
import { checkoutCommit } from "./git-checkout.js";
import { loadListing, saveListing } from "./ref-index.js";
import { isFullCommit, resolveRef, type RefListing } from "./refs.js";
import { listRemoteRefs, remoteOf } from "./remote.js";
import type { RemoteSpec } from "./spec.js";
import type { FetchOptions, FetchedTemplate, TemplateRefs } from "./types.js";

function shown(spec: RemoteSpec): string {
  return spec.ref === undefined ? spec.source : `${spec.source}#${spec.ref}`;
}

function offlineMiss(spec: RemoteSpec, root: string, what: string): LitError {
  return new LitError(
    "failed",
    `--offline: ${what} ${shown(spec)} in the template cache (${root})`,
    {
      hint: "run once without --offline to fetch it into the cache, then --offline works",
    },
  );
}

function fetched(
  spec: RemoteSpec,
  dir: string,
  commit: string,
  fromCache: boolean,
): FetchedTemplate {
  return {
    dir,
    kind: spec.kind,
    source: spec.source,
    ref: spec.ref,
    commit,
    subdir: spec.subdir,
    fromCache,
  };
}

/** The commit `--offline` uses: written out in the spec, or from the listing last seen online. */
async function offlineCommit(spec: RemoteSpec, root: string): Promise<string> {
  if (spec.ref !== undefined && isFullCommit(spec.ref)) return spec.ref;
  const listing = await loadListing(root, spec.repoId);
  if (listing === undefined) throw offlineMiss(spec, root, "no copy of");
  try {
    return resolveRef(spec.source, spec.ref, listing);
  } catch (error: unknown) {
    if (!(error instanceof LitError)) throw error;
    throw offlineMiss(spec, root, "no ref known for");
  }
}

/**
 * Brings a git or forge template to disk at an exact commit. Online the ref is always resolved
 * against the server first (a full commit in the cache excepted: it cannot have changed), so a
 * refusal, a missing ref or a rate limit is an error, never a quiet use of an older copy.
 */
export async function fetchRemote(
  spec: RemoteSpec,
  options: FetchOptions,
): Promise<FetchedTemplate> {
  const root = templateCacheRoot(options.env);
  if (options.offline) {
    const commit = await offlineCommit(spec, root);
    const key = entryKey(spec.repoId, spec.subdir, commit);
    const state = await entryState(root, key);
    if (state === "missing") throw offlineMiss(spec, root, "no copy of");
    if (state === "corrupt") throw offlineMiss(spec, root, "only a damaged copy of");
    return fetched(spec, entryTree(root, key), commit, true);
  }
  const remote = remoteOf(spec, options);
  const pinned = spec.ref !== undefined && isFullCommit(spec.ref) ? spec.ref : undefined;
  if (
    pinned !== undefined &&
    (await entryState(root, entryKey(spec.repoId, spec.subdir, pinned))) === "valid"
  ) {
    return fetched(spec, entryTree(root, entryKey(spec.repoId, spec.subdir, pinned)), pinned, true);
  }
  let commit = pinned;
  if (commit === undefined) {
    const listing = await listRemoteRefs(remote);
    await saveListing(root, spec.repoId, listing);
    commit = resolveRef(spec.source, spec.ref, listing);
  }
  const key = entryKey(spec.repoId, spec.subdir, commit);
  const state = await entryState(root, key);
  if (state === "valid") return fetched(spec, entryTree(root, key), commit, true);
  if (state === "corrupt") await discardEntry(root, key);
  const resolved = commit;
  const dir = await storeEntry(
    root,
    key,
    { source: spec.source, subdir: spec.subdir, commit },
    (work, tree) =>
      spec.kind === "git"
        ? checkoutCommit(remote, resolved, spec.subdir, work, tree)
        : fetchForge(spec, remote, resolved, work, tree),
  );
  return fetched(spec, dir, commit, false);
}

function refsResult(spec: RemoteSpec, listing: RefListing, fromCache: boolean): TemplateRefs {
  return { kind: spec.kind, source: spec.source, ...listing, fromCache };
}

/** Every branch and tag with its commit; `--offline` gives the listing last seen online. */
export async function remoteRefs(spec: RemoteSpec, options: FetchOptions): Promise<TemplateRefs> {
  const root = templateCacheRoot(options.env);
  if (options.offline) {
    const listing = await loadListing(root, spec.repoId);
    if (listing === undefined) throw offlineMiss(spec, root, "no ref listing of");
    return refsResult(spec, listing, true);
  }
  const listing = await listRemoteRefs(remoteOf(spec, options));
  await saveListing(root, spec.repoId, listing);
  return refsResult(spec, listing, false);
}
