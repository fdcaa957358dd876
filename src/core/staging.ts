import { mkdirSync, writeFileSync } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { throwIfAborted, yieldToSignals } from "./abort.js";
import { pidInName, anotherRunIsAlive } from "./pid.js";
import type { PlanEntry } from "./plan.js";

let stagings = 0;

/** `.app.litclaude-staging-<pid>-<n>`: a later run can tell the folder is ours, and whose. */
function stagingPrefix(targetDir: string): string {
  return `.${basename(targetDir)}.litclaude-staging-`;
}

/**
 * Removes staging folders that runs killed outright (SIGKILL, power loss) left beside the target;
 * a folder whose run is still alive is left alone.
 */
export async function removeAbandonedStaging(targetDir: string): Promise<readonly string[]> {
  const parent = dirname(targetDir);
  const prefix = stagingPrefix(targetDir);
  const names = await readdir(parent).catch(() => []);
  const abandoned = names.filter((name) => {
    const pid = pidInName(name, prefix);
    return pid !== undefined && !anotherRunIsAlive(pid);
  });
  await Promise.all(
    abandoned.map((name) => rm(join(parent, name), { recursive: true, force: true })),
  );
  return abandoned;
}

/**
 * Writes a new project into a staging folder beside the target, then renames it into place in
 * one step. Every file is followed by a turn of the event loop, so a signal is seen between
 * files; before the rename an abort or a failure removes the staging folder and nothing is left.
 */
export async function stageAndRename(
  targetDir: string,
  entries: readonly PlanEntry[],
  signal: AbortSignal | undefined,
): Promise<void> {
  stagings += 1;
  const staging = join(
    dirname(targetDir),
    `${stagingPrefix(targetDir)}${String(process.pid)}-${String(stagings)}`,
  );
  // A plain mkdir, not mkdtemp: the project root gets the mode the umask gives (0755 under 022).
  await mkdir(staging);
  try {
    const folders = [...new Set(entries.map((entry) => dirname(join(staging, entry.path))))];
    for (const folder of folders.sort()) mkdirSync(folder, { recursive: true });
    for (const entry of entries) {
      // Small files: a synchronous write beats a thread-pool hop each.
      writeFileSync(join(staging, entry.path), entry.content, {
        mode: entry.executable ? 0o755 : 0o644,
      });
      await yieldToSignals();
      throwIfAborted(signal);
    }
    await rename(staging, targetDir);
  } catch (error: unknown) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
