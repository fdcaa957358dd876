import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod/mini";
import { readJsonFile } from "./json-file.js";
import { writeAtomically } from "./cache.js";
import type { RefListing } from "./refs.js";

/**
 * The last ref listing seen online for each repository, so `--offline` can still turn `#v2` or
 * the default branch into the commit whose files the cache holds.
 */
function indexFile(root: string, repoId: string): string {
  const name = createHash("sha256").update(repoId).digest("hex").slice(0, 40);
  return join(root, "refs", `${name}.json`);
}

export async function saveListing(
  root: string,
  repoId: string,
  listing: RefListing,
): Promise<void> {
  await mkdir(join(root, "refs"), { recursive: true });
  const text = `${JSON.stringify({ repoId, savedAt: new Date().toISOString(), ...listing }, null, 2)}\n`;
  await writeAtomically(root, indexFile(root, repoId), text);
}

const listingSchema = z.object({
  head: z.optional(z.string()),
  defaultBranch: z.optional(z.string()),
  refs: z.array(
    z.object({ name: z.string(), kind: z.enum(["branch", "tag"]), commit: z.string() }),
  ),
});

/** The saved listing, or undefined when there is none (or it cannot be read: treated alike). */
export async function loadListing(root: string, repoId: string): Promise<RefListing | undefined> {
  const saved = await readJsonFile(indexFile(root, repoId), listingSchema);
  return saved === undefined
    ? undefined
    : { head: saved.head, defaultBranch: saved.defaultBranch, refs: saved.refs };
}
