import { sameBytes } from "../core/files.js";
import { mergeFile } from "./merge-file.js";
import { utf8Text } from "./snapshot.js";

/** What update does to one file, decided before anything is written. */
export type UpdateStatus = "unchanged" | "merged" | "conflict" | "created" | "deleted";

export interface Side {
  readonly content: Uint8Array;
  readonly executable: boolean;
}

export interface UpdateEntry {
  readonly path: string;
  readonly status: UpdateStatus;
  /** Why, where it is not plain: "you deleted it", "you changed it; the template dropped it". */
  readonly note?: string;
  /** The file as it is in the repo (before any migration), when there is one. */
  readonly before: Side | undefined;
  /** What the merge leaves (with markers for a conflict); undefined when the file goes or stays. */
  readonly after: Side | undefined;
  readonly base: Side | undefined;
  readonly theirs: Side | undefined;
  /** For a conflict: the keys, sections or hunks both sides changed. */
  readonly conflicts?: readonly string[];
}

function text(side: Side): string | undefined {
  return utf8Text(side.content);
}

const same = (a: Side | undefined, b: Side | undefined): boolean =>
  a !== undefined && b !== undefined && sameBytes(a.content, b.content);

/**
 * Decides one file from base (what the tool wrote last time), ours (the repo after migrations)
 * and theirs (what this version writes): pure apart from running the merge.
 */
export async function classify(
  path: string,
  sides: {
    readonly before: Side | undefined;
    readonly base: Side | undefined;
    readonly ours: Side | undefined;
    readonly theirs: Side | undefined;
  },
): Promise<UpdateEntry> {
  const { before, base, ours, theirs } = sides;
  const entry = { path, before, base, theirs };
  const moved = before !== undefined && ours === undefined;
  if (theirs === undefined) {
    if (ours === undefined) {
      return moved
        ? { ...entry, status: "deleted", note: "moved by a migration", after: undefined }
        : { ...entry, status: "unchanged", after: undefined };
    }
    if (base === undefined) return { ...entry, status: "unchanged", after: ours };
    if (same(ours, base))
      return { ...entry, status: "deleted", note: "the template dropped it", after: undefined };
    return {
      ...entry,
      status: "unchanged",
      note: "the template dropped it; kept because you changed it",
      after: ours,
    };
  }
  if (ours === undefined) {
    if (base !== undefined) {
      return {
        ...entry,
        status: "unchanged",
        note: "you deleted it; it stays deleted",
        after: undefined,
      };
    }
    return { ...entry, status: "created", after: theirs };
  }
  const changed = (after: Side): UpdateEntry =>
    same(after, before) && after.executable === before?.executable
      ? { ...entry, status: "unchanged", after }
      : { ...entry, status: "merged", after };
  if (same(ours, theirs)) return changed({ ...ours, executable: theirs.executable });
  if (base !== undefined && same(theirs, base)) return changed(ours);
  if (base !== undefined && same(ours, base)) return changed(theirs);
  const [baseText, oursText, theirsText] = [
    base === undefined ? "" : text(base),
    text(ours),
    text(theirs),
  ];
  if (baseText === undefined || oursText === undefined || theirsText === undefined) {
    return {
      ...entry,
      status: "conflict",
      note: "binary: keep one side",
      after: ours,
      conflicts: ["binary"],
    };
  }
  const merged = await mergeFile(path, baseText, oursText, theirsText);
  const after = { content: new TextEncoder().encode(merged.text), executable: theirs.executable };
  if (merged.clean) return changed(after);
  return { ...entry, status: "conflict", after, conflicts: merged.conflicts };
}
