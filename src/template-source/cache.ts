import { createHash } from "node:crypto";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { errnoCode } from "../core/fs-errors.js";
import { anotherRunIsAlive, pidInName } from "../core/pid.js";
import * as z from "zod/mini";
import { readJsonFile } from "./json-file.js";
import { digestTree, type TreeDigest } from "./tree-digest.js";

type Env = Readonly<Record<string, string | undefined>>;

/** Overrides `$XDG_CACHE_HOME/create-litclaude` (templates go in its `templates/` folder). */
export const CACHE_DIR_ENV = "LITCLAUDE_CACHE_DIR";

/** `$LITCLAUDE_CACHE_DIR/templates`, else `$XDG_CACHE_HOME/create-litclaude/templates`, else under ~/.cache. */
export function templateCacheRoot(env: Env): string {
  const override = env[CACHE_DIR_ENV];
  if (override !== undefined && override !== "") return join(override, "templates");
  const xdg = env["XDG_CACHE_HOME"];
  const base = xdg !== undefined && xdg !== "" ? xdg : join(env["HOME"] ?? homedir(), ".cache");
  return join(base, "create-litclaude", "templates");
}

/** What an entry records of where its files came from; the digest proves they are all there. */
export interface EntryRecord {
  readonly source: string;
  readonly subdir: string | undefined;
  readonly commit: string;
  readonly digest: TreeDigest;
}

function hashOf(parts: readonly string[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 40);
}

export function entryKey(repoId: string, subdir: string | undefined, commit: string): string {
  return hashOf([repoId, subdir ?? "", commit]);
}

const entryDir = (root: string, key: string): string => join(root, "entries", key);
export const entryTree = (root: string, key: string): string => join(entryDir(root, key), "tree");

const recordSchema = z.object({
  source: z.string(),
  subdir: z.optional(z.string()),
  commit: z.string(),
  digest: z.object({ files: z.number(), sha256: z.string() }),
});

export type EntryState = "missing" | "corrupt" | "valid";

/** Whether an entry is there and whole: its record readable and its files matching the digest. */
export async function entryState(root: string, key: string): Promise<EntryState> {
  const dir = entryDir(root, key);
  const present = await readdir(dir).then(
    () => true,
    () => false,
  );
  if (!present) return "missing";
  const record = await readJsonFile(join(dir, "entry.json"), recordSchema);
  if (record === undefined) return "corrupt";
  const actual = await digestTree(join(dir, "tree")).catch(() => undefined);
  return actual?.sha256 === record.digest.sha256 && actual.files === record.digest.files
    ? "valid"
    : "corrupt";
}

let stagings = 0;
async function stagingDir(root: string, kind: "run" | "trash"): Promise<string> {
  stagings += 1;
  const dir = join(root, "staging", `${kind}-${String(process.pid)}-${String(stagings)}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Staging folders of runs that were killed outright; a live run's are left alone. */
async function removeAbandoned(root: string): Promise<void> {
  const names = await readdir(join(root, "staging")).catch(() => []);
  const dead = names.filter((name) => {
    const pid = pidInName(name, "run-") ?? pidInName(name, "trash-");
    // Our own pid: another fetch of this process may be filling it right now.
    return pid !== undefined && pid !== process.pid && !anotherRunIsAlive(pid);
  });
  await Promise.all(
    dead.map((name) => rm(join(root, "staging", name), { recursive: true, force: true })),
  );
}

/** Moves a corrupt entry out of the way in one step, then deletes it. */
export async function discardEntry(root: string, key: string): Promise<void> {
  const trash = await stagingDir(root, "trash");
  await rename(entryDir(root, key), join(trash, "entry")).catch((error: unknown) => {
    if (!(error instanceof Error) || errnoCode(error) !== "ENOENT") throw error;
  });
  await rm(trash, { recursive: true, force: true });
}

/**
 * Fills a staging folder (`fill` gets a `work` folder to use and the `tree` folder to create),
 * records its digest, and renames it into place in one step. When another run stored the same
 * entry first, its copy is kept if whole (ours is dropped), replaced if not.
 */
export async function storeEntry(
  root: string,
  key: string,
  meta: Omit<EntryRecord, "digest">,
  fill: (work: string, tree: string) => Promise<void>,
): Promise<string> {
  await removeAbandoned(root);
  const staging = await stagingDir(root, "run");
  try {
    const tree = join(staging, "entry", "tree");
    await mkdir(join(staging, "work"));
    await mkdir(join(staging, "entry"));
    await fill(join(staging, "work"), tree);
    const digest = await digestTree(tree);
    await writeFile(
      join(staging, "entry", "entry.json"),
      `${JSON.stringify({ ...meta, digest }, null, 2)}\n`,
    );
    await mkdir(join(root, "entries"), { recursive: true });
    for (let attempt = 0; ; attempt += 1) {
      try {
        await rename(join(staging, "entry"), entryDir(root, key));
        break;
      } catch (error: unknown) {
        const code = error instanceof Error ? errnoCode(error) : undefined;
        if (code !== "ENOTEMPTY" && code !== "EEXIST" && code !== "EPERM") throw error;
        if ((await entryState(root, key)) === "valid") break;
        if (attempt > 0) throw error;
        await discardEntry(root, key);
      }
    }
    return entryTree(root, key);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Writes a small file in one step: a reader sees the old one or the new one, never half. */
export async function writeAtomically(root: string, file: string, text: string): Promise<void> {
  const staging = await stagingDir(root, "run");
  try {
    await writeFile(join(staging, "file"), text);
    await rename(join(staging, "file"), file);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
