import { errnoCode } from "./fs-errors.js";

/**
 * Whether another process with this id runs (one of another user's counts: not ours to judge).
 * Our own pid in a record found before we wrote anything is a dead run's, reused.
 */
export function anotherRunIsAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: unknown) {
    if (!(error instanceof Error)) throw error;
    return errnoCode(error) === "EPERM";
  }
}

/** The pid a `<prefix><pid>-<n>` name carries, or undefined when the name is not one of ours. */
export function pidInName(name: string, prefix: string): number | undefined {
  if (!name.startsWith(prefix)) return undefined;
  const match = /^(\d+)-\d+$/.exec(name.slice(prefix.length));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
