import { chmod, rename, rm, writeFile } from "node:fs/promises";
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

/** One change to a tree: the new bytes, or undefined to remove the file; `before` is what it holds now. */
export interface JournaledChange {
  readonly path: string;
  readonly content: Uint8Array | undefined;
  readonly executable: boolean;
  readonly before: Uint8Array | undefined;
}

let temporaries = 0;

/** Writes one file atomically (a temporary sibling, then a rename over it), or removes it. */
async function applyOne(root: string, change: JournaledChange): Promise<void> {
  const file = join(root, change.path);
  if (change.content === undefined) {
    await rm(file, { force: true });
    return;
  }
  temporaries += 1;
  const temporary = temporaryName(file, process.pid, temporaries);
  try {
    await writeFile(temporary, change.content);
    await chmod(temporary, change.executable ? 0o755 : 0o644);
    await rename(temporary, file);
  } catch (error: unknown) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function journalOf(changes: readonly JournaledChange[], createdDirs: readonly string[]): Journal {
  return {
    pid: process.pid,
    createdDirs: [...createdDirs],
    entries: changes.map((change) => ({
      path: change.path,
      before: change.before === undefined ? null : Buffer.from(change.before).toString("base64"),
      mode: change.executable ? 0o755 : 0o644,
      after: fingerprint(change.content ?? new Uint8Array()),
    })),
  };
}

/**
 * Changes an existing tree through a journal written to disk before the first change, holding
 * what every touched file held (removals too). A failure or an abort restores them here; a run
 * killed outright leaves the journal, and the next run restores from it. `what` names the run
 * in the error ("change", "update").
 */
export async function applyJournaled(
  root: string,
  changes: readonly JournaledChange[],
  what: string,
  signal?: AbortSignal,
): Promise<void> {
  if (changes.length === 0) return;
  const createdDirs = await missingFolders(
    root,
    changes.filter((change) => change.content !== undefined).map((change) => change.path),
  );
  const journal = journalOf(changes, createdDirs);
  await writeJournal(root, journal);
  try {
    await createFolders(root, createdDirs);
    for (const change of changes) {
      await applyOne(root, change);
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
        `the ${what} failed and ${kept.join(", ")} could not be restored`,
        {
          hint: "compare those files with git (git diff / git checkout) before going on",
        },
      );
    }
    throw error;
  }
}
