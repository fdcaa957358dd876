import { chmod, rename, rm, writeFile } from "node:fs/promises";
import { bytesIfPresent } from "./fs-probe.js";
import { join } from "node:path";
import { throwIfAborted, yieldToSignals } from "./abort.js";
import { LitError } from "./errors.js";
import {
  createFolders,
  fingerprint,
  JOURNAL_PATH,
  missingFolders,
  restoreFromJournal,
  temporaryName,
  writeJournal,
  type Journal,
} from "./journal.js";
import type { Plan, PlanEntry } from "./plan.js";
import { stageAndRename } from "./staging.js";

export const BACKUP_SUFFIX = ".litclaude-backup";

function writesOf(plan: Plan): readonly PlanEntry[] {
  return plan.entries.filter(
    (entry) => entry.action !== "identical" && entry.action !== "conflict",
  );
}

/** Writes a new project all or nothing: staged beside the target, then renamed into place. */
export async function applyNewProject(plan: Plan, signal?: AbortSignal): Promise<void> {
  await stageAndRename(plan.targetDir, writesOf(plan), signal);
}

interface Write {
  readonly path: string;
  readonly content: Uint8Array;
  readonly executable: boolean;
  readonly before: Uint8Array | undefined;
}

/** The writes in order: each overwritten file's backup first, then the file itself. */
async function writeList(plan: Plan): Promise<Write[]> {
  const backups = new Map<string, Uint8Array | undefined>();
  for (const entry of writesOf(plan)) {
    if (entry.action !== "overwrite") continue;
    const backup = `${entry.path}${BACKUP_SUFFIX}`;
    backups.set(backup, await bytesIfPresent(join(plan.targetDir, backup)));
  }
  return writesOf(plan).flatMap((entry) => {
    const own: Write = {
      path: entry.path,
      content: entry.content,
      executable: entry.executable,
      before: entry.current,
    };
    if (entry.action !== "overwrite" || entry.current === undefined) return [own];
    const backup = `${entry.path}${BACKUP_SUFFIX}`;
    return [
      {
        path: backup,
        content: entry.current,
        executable: false,
        before: backups.get(backup),
      },
      own,
    ];
  });
}

let temporaries = 0;

/** Writes one file atomically: a temporary sibling, then a rename over the target. */
async function writeAtomically(root: string, write: Write): Promise<void> {
  const file = join(root, write.path);
  temporaries += 1;
  const temporary = temporaryName(file, process.pid, temporaries);
  try {
    await writeFile(temporary, write.content);
    await chmod(temporary, write.executable ? 0o755 : 0o644);
    await rename(temporary, file);
  } catch (error: unknown) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function journalOf(writes: readonly Write[], createdDirs: readonly string[]): Journal {
  return {
    pid: process.pid,
    createdDirs: [...createdDirs],
    entries: writes.map((write) => ({
      path: write.path,
      before: write.before === undefined ? null : Buffer.from(write.before).toString("base64"),
      mode: write.executable ? 0o755 : 0o644,
      after: fingerprint(write.content),
    })),
  };
}

/**
 * Changes an existing tree through a journal written to disk before the first change: it holds
 * what every touched file held. A failure or an abort restores them here; a run killed outright
 * leaves the journal, and the next run restores from it.
 */
export async function applyToExisting(
  plan: Plan,
  signal?: AbortSignal,
): Promise<readonly string[]> {
  const root = plan.targetDir;
  const writes = await writeList(plan);
  if (writes.length === 0) return [];
  const createdDirs = await missingFolders(
    root,
    writes.map((write) => write.path),
  );
  const journal = journalOf(writes, createdDirs);
  await writeJournal(root, journal);
  try {
    await createFolders(root, createdDirs);
    for (const write of writes) {
      await writeAtomically(root, write);
      await yieldToSignals();
      throwIfAborted(signal);
    }
    await rm(join(root, JOURNAL_PATH));
  } catch (error: unknown) {
    const { kept } = await restoreFromJournal(root, journal).catch(() => ({
      kept: journal.entries.map((entry) => entry.path),
    }));
    if (kept.length > 0) {
      throw new LitError(
        "failed",
        `the change failed and ${kept.join(", ")} could not be restored`,
        { hint: "compare those files with git (git diff / git checkout) before going on" },
      );
    }
    throw error;
  }
  return writes.map((write) => write.path).filter((path) => path.endsWith(BACKUP_SUFFIX));
}
