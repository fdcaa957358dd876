import { LitError } from "./errors.js";

export function errnoCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

interface Cause {
  readonly what: string;
  readonly fix: string;
}

/** What each file-system failure means for a user, and what they can do about it. */
const CAUSES: Readonly<Record<string, Cause>> = {
  EROFS: { what: "the file system is read-only", fix: "create the project on a writable disk" },
  EACCES: {
    what: "permission denied",
    fix: "choose a folder you can write to, or fix its permissions (ls -ld shows them)",
  },
  EPERM: {
    what: "the operation is not permitted",
    fix: "choose a folder you can write to, or fix its permissions (ls -ld shows them)",
  },
  ENOSPC: {
    what: "no space left on the device (or no free inodes)",
    fix: "free some space (df -h and df -i show it) and run again",
  },
  EDQUOT: { what: "the disk quota is used up", fix: "free some space and run again" },
  EMFILE: {
    what: "too many open files",
    fix: "raise the limit (ulimit -n) or close other programs",
  },
  ENFILE: { what: "the system has too many open files", fix: "close other programs and retry" },
  EIO: { what: "an input/output error from the disk", fix: "check the disk, then run again" },
  ELOOP: {
    what: "a symbolic link loop is in the path",
    fix: "fix or remove the looping link, or choose another path",
  },
  ENOTDIR: {
    what: "a file stands where a folder of the path should be",
    fix: "choose a path whose parents are folders",
  },
  ENAMETOOLONG: {
    what: "a name in the path is too long for the file system",
    fix: "choose a shorter path",
  },
  EXDEV: {
    what: "a rename crossed two file systems",
    fix: "this is a bug: please report it with the paths involved",
  },
};

/** The problem lies in what the user asked for, not in the machine: exit 2. */
const BAD_INPUT = new Set(["ELOOP", "ENOTDIR", "ENAMETOOLONG"]);

/**
 * Turns a file-system error into a message that names the path, the cause and the fix; errors
 * that are not the file system's are passed through unchanged.
 */
export function fileSystemError(error: unknown, path: string, cleanup: string): unknown {
  if (error instanceof LitError) return error;
  const code = errnoCode(error);
  const cause = code === undefined ? undefined : CAUSES[code];
  if (code === undefined || cause === undefined) return error;
  return new LitError(
    BAD_INPUT.has(code) ? "usage" : "failed",
    `cannot write ${path}: ${cause.what} (${code})`,
    { hint: `${cause.fix}; ${cleanup}`, location: { file: path } },
  );
}

/** The path a Node file-system error names, when it names one. */
export function errorPath(error: unknown): string | undefined {
  if (!(error instanceof Error) || !("path" in error)) return undefined;
  return typeof error.path === "string" ? error.path : undefined;
}
