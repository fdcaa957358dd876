import { chmod, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { throwIfAborted, yieldToSignals } from "../core/abort.js";
import { LitError } from "../core/errors.js";
import {
  createFolders,
  fingerprint,
  JOURNAL_PATH,
  missingFolders,
  restoreFromJournal,
  temporaryName,
  writeJournal,
  type Journal,
} from "../core/journal.js";

/** One change: the new bytes, or undefined to remove the file; `before` is what it holds now. */
export interface Change {
  readonly path: string;
  readonly content: Uint8Array | undefined;
  readonly executable: boolean;
  readonly before: Uint8Array | undefined;
}

let temporaries = 0;

async function writeOne(root: string, change: Change): Promise<void> {
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

/**
 * The update's changes through the same journal `create` and `add` write: on disk before the
 * first change, holding what every touched file held (removals too), so a failure, an abort
 * or a SIGKILL followed by the next run puts everything back.
 */
export async function applyChanges(
  root: string,
  changes: readonly Change[],
  signal?: AbortSignal,
): Promise<void> {
  if (changes.length === 0) return;
  const createdDirs = await missingFolders(
    root,
    changes.filter((change) => change.content !== undefined).map((change) => change.path),
  );
  const journal: Journal = {
    pid: process.pid,
    createdDirs,
    entries: changes.map((change) => ({
      path: change.path,
      before: change.before === undefined ? null : Buffer.from(change.before).toString("base64"),
      mode: change.executable ? 0o755 : 0o644,
      after: fingerprint(change.content ?? new Uint8Array()),
    })),
  };
  await writeJournal(root, journal);
  try {
    await createFolders(root, createdDirs);
    for (const change of changes) {
      await writeOne(root, change);
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
        `the update failed and ${kept.join(", ")} could not be restored`,
        {
          hint: "compare those files with git (git diff / git checkout) before going on",
        },
      );
    }
    throw error;
  }
}
