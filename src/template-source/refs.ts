import { LitError } from "../core/errors.js";
import type { TemplateRef } from "./types.js";

/** What a repository advertises: its branches and tags (tags peeled to their commit), and HEAD. */
export interface RefListing {
  readonly head: string | undefined;
  readonly defaultBranch: string | undefined;
  readonly refs: readonly TemplateRef[];
}

const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const SHORT_COMMIT = /^[0-9a-f]{7,63}$/;

export function isFullCommit(text: string): boolean {
  return COMMIT.test(text);
}

/** Reads `git ls-remote --symref` (or `git show-ref --head -d`) output. */
export function parseRefListing(output: string): RefListing {
  let head: string | undefined;
  let defaultBranch: string | undefined;
  const tags = new Map<string, string>();
  const peeled = new Map<string, string>();
  const branches = new Map<string, string>();
  for (const line of output.split("\n")) {
    const symref = /^ref: refs\/heads\/(\S+)\s+HEAD$/.exec(line);
    if (symref?.[1] !== undefined) {
      defaultBranch = symref[1];
      continue;
    }
    const match = /^([0-9a-f]{40,64})\s+(\S+)$/.exec(line);
    const [, hash, name] = match ?? [];
    if (hash === undefined || name === undefined) continue;
    if (name === "HEAD") head = hash;
    else if (name.startsWith("refs/heads/")) branches.set(name.slice(11), hash);
    else if (name.startsWith("refs/tags/") && name.endsWith("^{}"))
      peeled.set(name.slice(10, -3), hash);
    else if (name.startsWith("refs/tags/")) tags.set(name.slice(10), hash);
  }
  const refs: TemplateRef[] = [
    ...[...branches].map(([name, commit]) => ({ name, kind: "branch" as const, commit })),
    ...[...tags].map(([name, hash]) => ({
      name,
      kind: "tag" as const,
      commit: peeled.get(name) ?? hash,
    })),
  ];
  return { head, defaultBranch, refs };
}

/** Levenshtein distance, two rows at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(
        Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The names nearest to `wanted`, nearest first (ties by name), at most `limit`. */
export function nearestRefs(
  wanted: string,
  refs: readonly TemplateRef[],
  limit = 5,
): readonly string[] {
  const names = [...new Set(refs.map((ref) => ref.name))];
  return names
    .map((name) => ({ name, distance: editDistance(wanted.toLowerCase(), name.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((entry) => entry.name);
}

function missingRef(source: string, ref: string, listing: RefListing): LitError {
  const near = nearestRefs(ref, listing.refs);
  const listed = near.length === 0 ? "it has no branches or tags" : `nearest: ${near.join(", ")}`;
  return new LitError("failed", `${source} has no branch, tag or commit "${ref}" (${listed})`, {
    hint:
      near.length === 0
        ? "push a branch or tag to the template repository, or drop #ref to take its default branch"
        : `use one that exists, e.g. ${source}#${near[0] ?? ""}`,
  });
}

/**
 * The full commit a ref names: a tag (as git reads names, tags before branches), a branch,
 * `refs/...` written out, a full commit, or a short one that is the tip of an advertised ref.
 * A full commit nothing advertises is returned as is; fetching it proves it exists.
 */
export function resolveRef(source: string, ref: string | undefined, listing: RefListing): string {
  if (ref === undefined) {
    const head =
      listing.head ?? listing.refs.find((entry) => entry.name === listing.defaultBranch)?.commit;
    if (head !== undefined) return head;
    throw new LitError("failed", `${source} has no default branch (the repository is empty)`, {
      hint: "push a commit to the template repository, or name a branch or tag with #ref",
    });
  }
  const byName = (kind: TemplateRef["kind"], name: string): string | undefined =>
    listing.refs.find((entry) => entry.kind === kind && entry.name === name)?.commit;
  const named =
    byName("tag", ref) ??
    byName("branch", ref) ??
    (ref.startsWith("refs/tags/") ? byName("tag", ref.slice(10)) : undefined) ??
    (ref.startsWith("refs/heads/") ? byName("branch", ref.slice(11)) : undefined);
  if (named !== undefined) return named;
  if (isFullCommit(ref)) return ref;
  if (SHORT_COMMIT.test(ref)) {
    const tips = new Set(
      listing.refs.map((entry) => entry.commit).filter((commit) => commit.startsWith(ref)),
    );
    const [only, ...others] = [...tips];
    if (only !== undefined && others.length === 0) return only;
  }
  throw missingRef(source, ref, listing);
}
