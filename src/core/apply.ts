import { bytesIfPresent } from "./fs-probe.js";
import { join } from "node:path";
import { applyJournaled, type JournaledChange } from "./journaled-apply.js";
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

interface Write extends JournaledChange {
  readonly content: Uint8Array;
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

/**
 * Changes an existing tree through a journal written to disk before the first change: it holds
 * what every touched file held. A failure or an abort restores them here; a run killed outright
 * leaves the journal, and the next run restores from it.
 */
export async function applyToExisting(
  plan: Plan,
  signal?: AbortSignal,
): Promise<readonly string[]> {
  const writes = await writeList(plan);
  await applyJournaled(plan.targetDir, writes, "change", signal);
  return writes.map((write) => write.path).filter((path) => path.endsWith(BACKUP_SUFFIX));
}
