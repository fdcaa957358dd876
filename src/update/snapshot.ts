import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod/mini";
import { ANSWERS_PATH } from "../core/answers.js";
import { LitError } from "../core/errors.js";
import { contentBytes, type ProjectFile } from "../core/files.js";
import { JOURNAL_PATH } from "../core/journal.js";

/**
 * What the tool wrote last time, file by file: the base of every three-way merge `update` makes.
 * One JSON file, one line per project file, so no language's linter reads it and git stores
 * each update as a small delta of the previous one.
 */
export const BASE_PATH = ".litclaude/base.json";

const FORMAT = 1;

const baseFileSchema = z.union([
  z.strictObject({ path: z.string(), executable: z.boolean(), text: z.string() }),
  z.strictObject({ path: z.string(), executable: z.boolean(), base64: z.string() }),
]);

const baseSchema = z.strictObject({
  format: z.literal(FORMAT),
  files: z.array(baseFileSchema),
});

export interface BaseFile {
  readonly path: string;
  readonly executable: boolean;
  readonly content: Uint8Array;
}

/** The base by path. */
export type BaseSnapshot = ReadonlyMap<string, BaseFile>;

/** Paths that are records of the tool itself, never merged as project files. */
export function isToolRecord(path: string): boolean {
  return path === BASE_PATH || path === ANSWERS_PATH || path === JOURNAL_PATH;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The bytes as UTF-8 text, or undefined when they are not (a binary file). */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch (error: unknown) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}

/** The snapshot file for a set of files as the tool renders them (its own records left out). */
export function baseSnapshotFile(files: readonly ProjectFile[]): ProjectFile {
  const lines = files
    .filter((file) => !isToolRecord(file.path))
    .map((file) => ({ ...file, bytes: contentBytes(file.content) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((file) => {
      const text = utf8Text(file.bytes);
      const body =
        text === undefined ? { base64: Buffer.from(file.bytes).toString("base64") } : { text };
      return JSON.stringify({ path: file.path, executable: file.executable, ...body });
    });
  const content = `{"format": ${String(FORMAT)}, "files": [\n${lines.join(",\n")}\n]}\n`;
  return { path: BASE_PATH, content, executable: false };
}

/** Reads a snapshot's text; a damaged one is an error naming the file, never a silent empty base. */
export function parseBaseSnapshot(text: string, file: string): BaseSnapshot {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error: unknown) {
    throw new LitError("usage", `${BASE_PATH} is not valid JSON: ${String(error)}`, {
      hint: "restore it from git (git checkout -- .litclaude/base.json); nothing was written",
      location: { file },
    });
  }
  const parsed = baseSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LitError(
      "usage",
      `${BASE_PATH} is not a base snapshot this version reads (at ${issue?.path.join(".") ?? "top"})`,
      {
        hint: "restore it from git (git checkout -- .litclaude/base.json); nothing was written",
        location: { file, line: 1, column: 1 },
      },
    );
  }
  return new Map(
    parsed.data.files.map((entry) => [
      entry.path,
      {
        path: entry.path,
        executable: entry.executable,
        content:
          "text" in entry
            ? new TextEncoder().encode(entry.text)
            : new Uint8Array(Buffer.from(entry.base64, "base64")),
      },
    ]),
  );
}

/**
 * The base snapshot of a project (for `update` and `doctor`): undefined when the project has
 * none (made before snapshots were written), an error when it is damaged.
 */
export async function readBaseSnapshot(projectDir: string): Promise<BaseSnapshot | undefined> {
  const file = join(projectDir, BASE_PATH);
  const text = await readFile(file, "utf8").catch(() => undefined);
  return text === undefined ? undefined : parseBaseSnapshot(text, file);
}

/** The snapshot as the files it holds, to write it again with changes. */
export function snapshotFiles(snapshot: BaseSnapshot): ProjectFile[] {
  return [...snapshot.values()].map((file) => ({
    path: file.path,
    content: file.content,
    executable: file.executable,
  }));
}
