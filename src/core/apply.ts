import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { chmod, mkdir, readdir, rename, rm, rmdir, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { cancelled, LitError } from "./errors.js";
import type { Plan, PlanEntry } from "./plan.js";

const BACKUP_SUFFIX = ".litclaude-backup";

function writesOf(plan: Plan): readonly PlanEntry[] {
  return plan.entries.filter(
    (entry) => entry.action !== "identical" && entry.action !== "conflict",
  );
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw cancelled();
}

let temporaries = 0;

/** Writes one file atomically: a temporary sibling, then a rename over the target. */
async function writeEntry(root: string, entry: PlanEntry): Promise<void> {
  const file = join(root, entry.path);
  temporaries += 1;
  const temporary = `${file}.${String(process.pid)}-${String(temporaries)}.litclaude-tmp`;
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(temporary, entry.content);
    await chmod(temporary, entry.executable ? 0o755 : 0o644);
    await rename(temporary, file);
  } catch (error: unknown) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes fresh files into a folder nobody else sees yet: no temporaries needed, and synchronous
 * writes of small files beat a thread-pool hop each.
 */
function writeAllInto(
  root: string,
  entries: readonly PlanEntry[],
  signal: AbortSignal | undefined,
): void {
  const folders = [...new Set(entries.map((entry) => dirname(join(root, entry.path))))].sort();
  for (const folder of folders) mkdirSync(folder, { recursive: true });
  for (const entry of entries) {
    throwIfAborted(signal);
    writeFileSync(join(root, entry.path), entry.content, {
      mode: entry.executable ? 0o755 : 0o644,
    });
  }
}

/**
 * Writes a new project all or nothing: every file goes to a staging folder beside the target,
 * which is then renamed into place. A failure or an abort removes everything it wrote.
 */
export async function applyNewProject(plan: Plan, signal?: AbortSignal): Promise<void> {
  const target = plan.targetDir;
  // mkdtemp picks a name no other run holds; no random bytes (and no node:crypto) needed.
  mkdirSync(dirname(target), { recursive: true });
  const staging = mkdtempSync(join(dirname(target), `.${basename(target)}.staging-`));
  const moved: string[] = [];
  try {
    writeAllInto(staging, writesOf(plan), signal);
    throwIfAborted(signal);
    const targetExists = await readdir(target).then(
      () => true,
      () => false,
    );
    if (!targetExists) {
      await rename(staging, target);
      return;
    }
    // The target is an empty folder (or holds only .git): move the staged children into it.
    for (const child of await readdir(staging)) {
      await rename(join(staging, child), join(target, child));
      moved.push(child);
    }
    await rmdir(staging);
  } catch (error: unknown) {
    await rm(staging, { recursive: true, force: true });
    for (const child of moved) await rm(join(target, child), { recursive: true, force: true });
    throw error;
  }
}

/**
 * Changes an existing tree with a journal: each write is recorded with what the file held before,
 * and a failure or an abort puts every file back as it was.
 */
export async function applyToExisting(
  plan: Plan,
  signal?: AbortSignal,
): Promise<readonly string[]> {
  const journal: PlanEntry[] = [];
  const backups: string[] = [];
  try {
    for (const entry of writesOf(plan)) {
      throwIfAborted(signal);
      if (entry.action === "overwrite" && entry.current !== undefined) {
        const backup = `${entry.path}${BACKUP_SUFFIX}`;
        await writeFile(join(plan.targetDir, backup), entry.current);
        backups.push(backup);
      }
      await writeEntry(plan.targetDir, entry);
      journal.push(entry);
    }
    return backups;
  } catch (error: unknown) {
    await rollBack(plan.targetDir, journal, backups);
    throw error;
  }
}

/**
 * Undoes journaled writes, newest first. A step that fails does not stop the others; the paths it
 * could not restore are named in the error, so the user knows exactly what to check.
 */
async function rollBack(
  root: string,
  journal: readonly PlanEntry[],
  backups: readonly string[],
): Promise<void> {
  const steps = [
    ...[...journal].reverse().map((entry) => ({
      path: entry.path,
      undo: async () => {
        const file = join(root, entry.path);
        if (entry.current === undefined) await rm(file, { force: true });
        else await writeFile(file, entry.current);
      },
    })),
    ...backups.map((backup) => ({
      path: backup,
      undo: () => rm(join(root, backup), { force: true }),
    })),
  ];
  const unrestored: string[] = [];
  for (const step of steps) {
    await step.undo().catch(() => unrestored.push(step.path));
  }
  if (unrestored.length === 0) return;
  throw new LitError(
    "failed",
    `the change failed and ${unrestored.join(", ")} could not be restored`,
    {
      hint: "compare those files with git (git diff / git checkout) before going on",
    },
  );
}
