import { constants } from "node:fs";
import { access, link, readFile, readdir, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { usageError } from "./errors.js";
import { errnoCode, fileSystemError } from "./fs-errors.js";
import { anotherRunIsAlive } from "./pid.js";

export interface TargetLock {
  readonly release: () => Promise<void>;
}

async function writable(folder: string): Promise<boolean> {
  return access(folder, constants.W_OK).then(
    () => true,
    () => false,
  );
}

/**
 * Where the lock of a target lives: beside it when its parent is writable, else inside it (a
 * writable target under a read-only parent, such as a bind mount). Two runs into one target
 * always agree on the place, whether the target exists yet or not.
 */
export async function lockPathFor(targetDir: string): Promise<string> {
  const parent = dirname(targetDir);
  return (await writable(parent))
    ? join(parent, `.${basename(targetDir)}.litclaude-lock`)
    : join(targetDir, ".litclaude-lock");
}

async function holderOf(lockPath: string): Promise<number | undefined> {
  const text = await readFile(lockPath, "utf8").catch(() => "");
  const pid = Number(text.trim());
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

/** Removes drafts (`<lock>.<pid>`) that runs killed between writing and linking them left. */
async function removeAbandonedDrafts(lockPath: string): Promise<void> {
  const prefix = `${basename(lockPath)}.`;
  const names = await readdir(dirname(lockPath)).catch(() => []);
  const abandoned = names.filter((name) => {
    const pid = name.startsWith(prefix) ? Number(name.slice(prefix.length)) : Number.NaN;
    return Number.isSafeInteger(pid) && !anotherRunIsAlive(pid);
  });
  await Promise.all(abandoned.map((name) => unlink(join(dirname(lockPath), name))));
}

/** Creates the lock with this run's pid in one step: a link never exposes a half-written file. */
async function tryCreate(lockPath: string): Promise<boolean> {
  const draft = `${lockPath}.${String(process.pid)}`;
  await writeFile(draft, `${String(process.pid)}\n`);
  try {
    await link(draft, lockPath);
    return true;
  } catch (error: unknown) {
    if (errnoCode(error) === "EEXIST") return false;
    throw error;
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

/**
 * Takes the target for this run, or fails with exit 2 while another live run holds it. A lock
 * left by a run that was killed (its pid is gone) is taken over.
 */
export async function lockTarget(
  targetDir: string,
  shown: string,
  /** What the run does to the target, for the message another run sees: "created", "updated". */
  doing = "created",
): Promise<TargetLock> {
  const lockPath = await lockPathFor(targetDir);
  const hint =
    doing === "created"
      ? "wait for that run to finish, or choose another directory; nothing was written"
      : "wait for that run to finish, then run this again; nothing was written";
  const release = async (): Promise<void> => {
    if ((await holderOf(lockPath)) === process.pid) await unlink(lockPath).catch(() => undefined);
  };
  try {
    await removeAbandonedDrafts(lockPath);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (await tryCreate(lockPath)) return { release };
      const holder = await holderOf(lockPath);
      if (holder !== undefined && anotherRunIsAlive(holder)) {
        throw usageError(`${shown} is being ${doing} by another run (pid ${String(holder)})`, hint);
      }
      await unlink(lockPath).catch(() => undefined);
    }
  } catch (error: unknown) {
    throw fileSystemError(error, lockPath, "nothing was written");
  }
  throw usageError(
    `${shown} is being ${doing} by another run (its lock ${lockPath} keeps coming back)`,
    hint,
  );
}
