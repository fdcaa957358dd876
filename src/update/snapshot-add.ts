import type { ProjectFile } from "../core/files.js";
import type { LoadMerger } from "../merge/index.js";
import { BASE_PATH, baseSnapshotFile, isToolRecord, readBaseSnapshot } from "./snapshot.js";

const decoder = new TextDecoder();

function textOf(content: string | Uint8Array): string {
  return typeof content === "string" ? content : decoder.decode(content);
}

/**
 * The snapshot after an `add`: the one on disk (if any) with what this add writes folded in. A
 * fragment of a shared file (a marked section, a workflow job) joins the earlier base the way
 * add joins it to the file, so the base stays what all layers together wrote.
 */
export async function snapshotAfterAdd(
  repoDir: string,
  files: readonly ProjectFile[],
  mergers: LoadMerger,
): Promise<ProjectFile> {
  const before = await readBaseSnapshot(repoDir);
  const next = new Map<string, ProjectFile>();
  for (const file of before?.values() ?? []) next.set(file.path, file);
  for (const file of files) {
    if (isToolRecord(file.path)) continue;
    const earlier = next.get(file.path);
    const merger = earlier === undefined ? undefined : await mergers(file.path);
    const merged =
      earlier === undefined || merger === undefined
        ? undefined
        : merger(textOf(earlier.content), textOf(file.content));
    next.set(file.path, merged?.ok === true ? { ...file, content: merged.text } : file);
  }
  return baseSnapshotFile([...next.values()]);
}

/** add's mergers, with the snapshot itself always replaced by the one this add computed. */
export function withSnapshotReplaced(mergers: LoadMerger): LoadMerger {
  return async (path) =>
    path === BASE_PATH ? (_current, incoming) => ({ ok: true, text: incoming }) : mergers(path);
}
