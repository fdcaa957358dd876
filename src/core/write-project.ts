import { constants } from "node:fs";
import { access, mkdir, rmdir } from "node:fs/promises";
import { dirname } from "node:path";
import { throwIfAborted } from "./abort.js";
import { applyNewProject, applyToExisting } from "./apply.js";
import { errorPath, fileSystemError } from "./fs-errors.js";
import { nearestExistingFolder } from "./path-checks.js";
import { recoverInterrupted, type Restored } from "./journal.js";
import { planFiles, type Plan } from "./plan.js";
import type { ProjectFile } from "./files.js";
import type { LoadMerger } from "../merge/index.js";
import { removeAbandonedStaging } from "./staging.js";
import { folderExists } from "./fs-probe.js";
import { assertTargetAccepts } from "./target.js";
import { lockTarget, type TargetLock } from "./target-lock.js";

export interface Written {
  readonly plan: Plan;
  /** Files an interrupted earlier run had changed, put back before this run planned. */
  readonly recovered: Restored | undefined;
  readonly backups: readonly string[];
  /** True when conflicts stopped the run before anything was written. */
  readonly conflicted: boolean;
}

/** Removes the parent folders this run made (`first` is the shallowest), deepest first. */
async function removeCreatedParents(first: string | undefined, parent: string): Promise<void> {
  if (first === undefined) return;
  for (let dir = parent; dir.length >= first.length; dir = dirname(dir)) {
    const removed = await rmdir(dir).then(
      () => true,
      () => false,
    );
    if (!removed || dir === first) return;
  }
}

/** Takes the target's lock, then finishes or sweeps away what killed runs left there. */
async function lockAndRecover(
  targetDir: string,
  shown: string,
  doing: "created" | "changed" | "recovered",
): Promise<{ readonly lock: TargetLock; readonly recovered: Restored | undefined }> {
  const lock = await lockTarget(targetDir, shown, doing);
  try {
    await removeAbandonedStaging(targetDir);
    const recovered = (await folderExists(targetDir))
      ? await recoverInterrupted(targetDir)
      : undefined;
    return { lock, recovered };
  } catch (error: unknown) {
    await lock.release();
    throw error;
  }
}

/**
 * Plans and writes the files under the target's lock: a new folder is staged and renamed into
 * place; an existing one is changed through the journal. On any failure or abort, nothing this
 * run wrote is left, parent folders it made included.
 */
export async function writeProject(
  targetDir: string,
  files: readonly ProjectFile[],
  options: {
    readonly force: boolean;
    readonly shown: string;
    readonly signal?: AbortSignal;
    /** `add`: the folder may already be a create-litclaude project, and more files merge. */
    readonly intoProject?: { readonly mergers: LoadMerger };
    /** Runs on the plan under the lock, before anything is written; may refuse by throwing. */
    readonly beforeApply?: (plan: Plan) => Promise<void>;
  },
): Promise<Written> {
  const parent = dirname(targetDir);
  let firstCreated: string | undefined;
  let succeeded = false;
  let lock: TargetLock | undefined;
  try {
    const existing = await nearestExistingFolder(targetDir);
    // Asked first: a recursive mkdir on a read-only disk reports ENOENT, not EROFS.
    if (existing !== targetDir) await access(existing, constants.W_OK);
    firstCreated = await mkdir(parent, { recursive: true });
    const doing = options.intoProject === undefined ? "created" : "changed";
    const taken = await lockAndRecover(targetDir, options.shown, doing);
    lock = taken.lock;
    if (options.intoProject === undefined) await assertTargetAccepts(targetDir, options.shown);
    // Looked at again under the lock: what was true before it may not be now.
    const existed = await folderExists(targetDir);
    const plan = await planFiles(targetDir, files, options.force, options.intoProject?.mergers);
    const conflicted = plan.entries.some((entry) => entry.action === "conflict");
    if (!conflicted) await options.beforeApply?.(plan);
    throwIfAborted(options.signal);
    let backups: readonly string[] = [];
    if (!conflicted && existed) backups = await applyToExisting(plan, options.signal);
    if (!conflicted && !existed) await applyNewProject(plan, options.signal);
    succeeded = !conflicted;
    return { plan, recovered: taken.recovered, backups, conflicted };
  } catch (error: unknown) {
    throw fileSystemError(error, errorPath(error) ?? targetDir, "nothing was left behind");
  } finally {
    await lock?.release();
    if (!succeeded) await removeCreatedParents(firstCreated, parent);
  }
}

/** `--recover`: restores what an interrupted run changed in the target, and nothing else. */
export async function recoverTarget(
  targetDir: string,
  shown: string,
): Promise<Restored | undefined> {
  if (!(await folderExists(targetDir))) return undefined;
  const { lock, recovered } = await lockAndRecover(targetDir, shown, "recovered");
  await lock.release();
  return recovered;
}
