import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { loadMerger, type LoadMerger } from "../merge/index.js";
import { LitError } from "./errors.js";
import { contentBytes, sameBytes, type ProjectFile } from "./files.js";

export type PlanAction = "create" | "identical" | "merge" | "conflict" | "overwrite";

export interface PlanEntry {
  readonly path: string;
  readonly action: PlanAction;
  /** What apply writes (for `identical` and `conflict`, what we would have written). */
  readonly content: Uint8Array;
  readonly executable: boolean;
  /** The file as it is on disk, when there is one. */
  readonly current: Uint8Array | undefined;
}

export interface Plan {
  readonly targetDir: string;
  readonly entries: readonly PlanEntry[];
}

function errorCode(error: unknown): unknown {
  return error instanceof Error && "code" in error ? error.code : undefined;
}

async function readIfPresent(file: string, shown: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error: unknown) {
    const code = errorCode(error);
    if (code === "ENOENT") return undefined;
    if (code === "EISDIR" || code === "ENOTDIR") {
      throw new LitError(
        "usage",
        `cannot write ${shown}: a folder stands where the file goes, or a file where a folder goes`,
        {
          hint: "move it out of the way and run again; nothing was written",
          location: { file },
        },
      );
    }
    throw error;
  }
}

async function planOne(
  file: ProjectFile,
  current: Uint8Array | undefined,
  force: boolean,
  targetDir: string,
  mergers: LoadMerger,
): Promise<PlanEntry> {
  const incoming = contentBytes(file.content);
  const base = { path: file.path, executable: file.executable, current };
  if (current === undefined) return { ...base, action: "create", content: incoming };
  if (sameBytes(current, incoming)) return { ...base, action: "identical", content: incoming };
  const merger = await mergers(file.path);
  if (merger !== undefined) {
    const decoder = new TextDecoder();
    const merged = merger(decoder.decode(current), decoder.decode(incoming));
    if (!merged.ok && merged.conflict === true) {
      return { ...base, action: force ? "overwrite" : "conflict", content: incoming };
    }
    if (!merged.ok) {
      const where = join(targetDir, file.path);
      throw new LitError("usage", `cannot merge ${file.path}: ${merged.reason}`, {
        hint: "fix the file by hand and run again; it was left untouched",
        location:
          merged.line === undefined
            ? { file: where }
            : merged.column === undefined
              ? { file: where, line: merged.line }
              : { file: where, line: merged.line, column: merged.column },
      });
    }
    const content = contentBytes(merged.text);
    if (sameBytes(current, content)) return { ...base, action: "identical", content };
    return { ...base, action: "merge", content };
  }
  return { ...base, action: force ? "overwrite" : "conflict", content: incoming };
}

/**
 * Compares rendered files with the target folder. Reads the target (only the files given);
 * writes nothing. `mergers` picks the merger per path (`create`'s set unless given).
 */
export async function planFiles(
  targetDir: string,
  files: readonly ProjectFile[],
  force: boolean,
  mergers: LoadMerger = loadMerger,
): Promise<Plan> {
  const entries = await Promise.all(
    files.map(async (file) =>
      planOne(
        file,
        await readIfPresent(join(targetDir, file.path), file.path),
        force,
        targetDir,
        mergers,
      ),
    ),
  );
  return { targetDir, entries };
}

export function hasWrites(plan: Plan): boolean {
  return plan.entries.some((entry) => entry.action !== "identical" && entry.action !== "conflict");
}
