import { join } from "node:path";
import { unifiedDiff } from "../core/diff.js";
import { usageError } from "../core/errors.js";
import { contentBytes } from "../core/files.js";
import { bytesIfPresent, pathExists } from "../core/fs-probe.js";
import { dirtyPaths } from "../core/git-dirty.js";
import { JOURNAL_PATH, recoverInterrupted, type Restored } from "../core/journal.js";
import { lockTarget } from "../core/target-lock.js";
import { applyChanges, type Change } from "./apply-update.js";
import type { UpdateEntry } from "./classify.js";
import { isGitWorkTree, registerUnmerged } from "./git-index.js";
import { planUpdate, type TemplateMove, type UpdateInput } from "./plan-update.js";

export interface UpdateOptions extends UpdateInput {
  readonly conflict?: "inline" | "rej";
  readonly dryRun?: boolean;
  readonly check?: boolean;
  readonly allowDirty?: boolean;
}

export interface UpdateFileReport {
  readonly path: string;
  readonly status: UpdateEntry["status"];
  readonly note?: string;
  readonly conflicts?: readonly string[];
  readonly diff?: string;
}

export interface UpdateResult {
  readonly ok: boolean;
  readonly command: "update";
  readonly target: string;
  readonly from: string;
  readonly to: string;
  readonly dryRun: boolean;
  /** True when nothing in the project would change. */
  readonly upToDate: boolean;
  readonly files: readonly UpdateFileReport[];
  readonly migrations: readonly string[];
  /** Each recorded team template, rendered again: its ref, commit and version before and after. */
  readonly templates: readonly TemplateMove[];
  /** With --conflict rej, the sidecars written. */
  readonly rejects: readonly string[];
  readonly recovered: Restored | undefined;
}

function fileChanges(
  entries: readonly UpdateEntry[],
  rej: boolean,
): { changes: Change[]; rejects: string[] } {
  const changes: Change[] = [];
  const rejects: string[] = [];
  for (const entry of entries) {
    if (entry.status === "unchanged") continue;
    if (entry.status === "conflict" && rej) {
      rejects.push(`${entry.path}.rej`);
      continue;
    }
    changes.push({
      path: entry.path,
      content: entry.after?.content,
      executable: entry.after?.executable ?? false,
      before: entry.before?.content,
    });
  }
  return { changes, rejects };
}

const EMPTY = new Uint8Array();

async function report(entry: UpdateEntry, withDiff: boolean): Promise<UpdateFileReport> {
  const diff =
    withDiff && entry.status !== "unchanged"
      ? await unifiedDiff(entry.path, entry.before?.content ?? EMPTY, entry.after?.content ?? EMPTY)
      : undefined;
  return {
    path: entry.path,
    status: entry.status,
    ...(entry.note === undefined ? {} : { note: entry.note }),
    ...(entry.conflicts === undefined ? {} : { conflicts: entry.conflicts }),
    ...(diff === undefined || diff === "" ? {} : { diff }),
  };
}

async function rejectFiles(entries: readonly UpdateEntry[], repoDir: string): Promise<Change[]> {
  const out: Change[] = [];
  for (const entry of entries.filter((item) => item.status === "conflict")) {
    const path = `${entry.path}.rej`;
    const text = await unifiedDiff(
      entry.path,
      entry.base?.content ?? EMPTY,
      entry.theirs?.content ?? EMPTY,
    );
    out.push({
      path,
      content: contentBytes(text),
      executable: false,
      before: await bytesIfPresent(join(repoDir, path)),
    });
  }
  return out;
}

/** `create-litclaude update`: three-way merge of every file the tool wrote, then one journaled apply. */
export async function updateProject(
  options: UpdateOptions,
  signal?: AbortSignal,
): Promise<UpdateResult> {
  const { repoDir } = options;
  const writes = options.dryRun !== true && options.check !== true;
  if (!writes && (await pathExists(join(repoDir, JOURNAL_PATH)))) {
    throw usageError(
      `an interrupted run left ${JOURNAL_PATH}`,
      "run create-litclaude update (or add --recover) first, which puts those files back",
    );
  }
  const lock = writes ? await lockTarget(repoDir, ".", "updated") : undefined;
  try {
    const recovered = writes ? await recoverInterrupted(repoDir) : undefined;
    const planned = await planUpdate(options);
    const rej = options.conflict === "rej";
    const { changes, rejects } = fileChanges(planned.entries, rej);
    const moved = planned.templates.some(
      (move) => JSON.stringify(move.from) !== JSON.stringify(move.to),
    );
    const upToDate =
      changes.length === 0 && rejects.length === 0 && planned.migrations.length === 0 && !moved;
    const conflicts = planned.entries.filter((entry) => entry.status === "conflict");
    const files = await Promise.all(planned.entries.map((entry) => report(entry, !writes)));
    const result = {
      command: "update",
      target: repoDir,
      from: planned.from,
      to: planned.to,
      dryRun: !writes,
      upToDate,
      files,
      migrations: planned.migrations,
      templates: planned.templates,
      rejects,
      recovered,
    } as const;
    if (!writes) return { ...result, ok: conflicts.length === 0 };
    const touched = changes
      .filter((change) => change.before !== undefined)
      .map((change) => change.path);
    const dirty = options.allowDirty === true ? [] : await dirtyPaths(repoDir, touched);
    if (dirty.length > 0) {
      throw usageError(
        `uncommitted changes to files this update would change: ${dirty.join(", ")}`,
        "commit or stash them first, or pass --allow-dirty; nothing was written",
      );
    }
    const all = [
      ...changes,
      ...(rej ? await rejectFiles(conflicts, repoDir) : []),
      ...planned.recordChanges,
    ];
    await applyChanges(repoDir, all, signal);
    if (!rej && conflicts.length > 0 && (await isGitWorkTree(repoDir))) {
      await registerUnmerged(
        repoDir,
        conflicts.map((entry) => ({
          path: entry.path,
          base: entry.base?.content,
          ours: entry.before?.content,
          theirs: entry.theirs?.content,
          executable: entry.theirs?.executable ?? false,
        })),
      );
    }
    return { ...result, ok: conflicts.length === 0 };
  } finally {
    await lock?.release();
  }
}
