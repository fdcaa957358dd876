import { closeSync, fsyncSync, openSync } from "node:fs";
import { mkdir, readFile, readdir, rename, rm, rmdir, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import * as z from "zod/mini";
import { LitError } from "./errors.js";
import { sameBytes } from "./files.js";
import { bytesIfPresent, folderExists, pathExists } from "./fs-probe.js";
import { anotherRunIsAlive } from "./pid.js";

export const JOURNAL_PATH = ".litclaude/journal.json";
const TEMPORARY_SUFFIX = ".litclaude-tmp";

/** One file a run is about to change: what it held before (null: it did not exist). */
const journalEntrySchema = z.strictObject({
  path: z.string(),
  before: z.nullable(z.string()),
  mode: z.number(),
  after: z.string(),
});

const journalSchema = z.strictObject({
  pid: z.number(),
  entries: z.array(journalEntrySchema),
  createdDirs: z.array(z.string()),
});

export type Journal = z.infer<typeof journalSchema>;
export type JournalEntry = z.infer<typeof journalEntrySchema>;

/** A short fingerprint of the content a run wrote, to tell its writes from the user's later edits. */
export function fingerprint(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return `${String(bytes.length)}:${hash.toString(16)}`;
}

function syncToDisk(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Temporary sibling of a file being written: `<file>.<pid>-<n>.litclaude-tmp`. */
export function temporaryName(file: string, pid: number, counter: number): string {
  return `${file}.${String(pid)}-${String(counter)}${TEMPORARY_SUFFIX}`;
}

/**
 * Writes the journal durably, on disk before the first change, so even power loss can be undone.
 * When `.litclaude/` does not exist yet it is made under a temporary name and renamed with the
 * journal inside: there is never a `.litclaude/` without its journal.
 */
export async function writeJournal(root: string, journal: Journal): Promise<void> {
  const file = join(root, JOURNAL_PATH);
  const folder = dirname(file);
  const existed = await folderExists(folder);
  const draftFolder = existed ? folder : temporaryName(folder, process.pid, 0);
  if (!existed) await mkdir(draftFolder);
  const draft = temporaryName(join(draftFolder, basename(file)), process.pid, 0);
  await writeFile(draft, JSON.stringify(journal));
  syncToDisk(draft);
  await rename(draft, join(draftFolder, basename(file)));
  if (!existed) await rename(draftFolder, folder);
  syncToDisk(folder);
  syncToDisk(root);
}

/** Removes temporaries (`*.<pid>-<n>.litclaude-tmp`) of runs that are gone, in one folder. */
export async function removeAbandonedTemporaries(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => []);
  const abandoned = names.filter((name) => {
    const match = /\.(\d+)-\d+\.litclaude-tmp$/.exec(name);
    return match?.[1] !== undefined && !anotherRunIsAlive(Number(match[1]));
  });
  await Promise.all(
    abandoned.map((name) => rm(join(folder, name), { recursive: true, force: true })),
  );
}

export async function readJournal(root: string): Promise<Journal | undefined> {
  const file = join(root, JOURNAL_PATH);
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error: unknown) {
    if (!(error instanceof SyntaxError)) throw error;
    parsed = undefined;
  }
  const journal = journalSchema.safeParse(parsed);
  if (journal.success) return journal.data;
  throw new LitError("failed", `${file} is not a journal this version can read`, {
    hint: "restore the files it lists by hand (git status shows them), then delete it",
    location: { file },
  });
}

async function removeTemporaries(file: string, pid: number): Promise<void> {
  const prefix = `${basename(file)}.${String(pid)}-`;
  const names = await readdir(dirname(file)).catch(() => []);
  const ours = names.filter((name) => name.startsWith(prefix) && name.endsWith(TEMPORARY_SUFFIX));
  await Promise.all(ours.map((name) => rm(join(dirname(file), name), { force: true })));
}

async function restoreEntry(root: string, entry: JournalEntry, pid: number): Promise<boolean> {
  const file = join(root, entry.path);
  await removeTemporaries(file, pid);
  const now = await bytesIfPresent(file);
  const before = entry.before === null ? undefined : Buffer.from(entry.before, "base64");
  const untouched =
    now === undefined ? before === undefined : before !== undefined && sameBytes(now, before);
  if (untouched) return true;
  // Changed by someone else since the run wrote it: theirs now, not ours to undo.
  if (now !== undefined && fingerprint(now) !== entry.after) return false;
  if (before === undefined) {
    await rm(file, { force: true });
    return true;
  }
  const draft = temporaryName(file, process.pid, 0);
  await writeFile(draft, before, { mode: entry.mode });
  await rename(draft, file);
  return true;
}

export interface Restored {
  readonly restored: readonly string[];
  /** Files changed since the journal was written; left as they are. */
  readonly kept: readonly string[];
}

/** Puts every file a journal lists back as it was, newest first, then removes the journal. */
export async function restoreFromJournal(root: string, journal: Journal): Promise<Restored> {
  const restored: string[] = [];
  const kept: string[] = [];
  for (const entry of [...journal.entries].reverse()) {
    if (await restoreEntry(root, entry, journal.pid)) restored.push(entry.path);
    else kept.push(entry.path);
  }
  await rm(join(root, JOURNAL_PATH), { force: true });
  for (const dir of [...journal.createdDirs].sort((a, b) => b.length - a.length)) {
    await rmdir(join(root, dir)).catch(() => undefined);
  }
  return { restored, kept };
}

/**
 * Finishes what a killed run left: restores the files its journal lists. Undefined when there is
 * no journal; an error while the run that wrote it is still alive.
 */
export async function recoverInterrupted(root: string): Promise<Restored | undefined> {
  await removeAbandonedTemporaries(root);
  await removeAbandonedTemporaries(join(root, dirname(JOURNAL_PATH)));
  const journal = await readJournal(root);
  if (journal === undefined) return undefined;
  if (anotherRunIsAlive(journal.pid)) {
    throw new LitError(
      "usage",
      `${root} is being changed by another run (pid ${String(journal.pid)})`,
      {
        hint: "wait for that run to finish; nothing was written",
      },
    );
  }
  return restoreFromJournal(root, journal);
}

/** The folders a set of files needs that do not exist yet, shallowest first. */
export async function missingFolders(root: string, paths: readonly string[]): Promise<string[]> {
  const wanted = new Set<string>();
  for (const path of paths) {
    for (let dir = dirname(path); dir !== "." && dir !== ""; dir = dirname(dir)) wanted.add(dir);
  }
  const missing: string[] = [];
  for (const dir of [...wanted].sort((a, b) => a.length - b.length)) {
    if (!(await pathExists(join(root, dir)))) missing.push(dir);
  }
  return missing;
}

export async function createFolders(root: string, dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) await mkdir(join(root, dir), { recursive: true });
}
