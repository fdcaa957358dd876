import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod/mini";
import type { Answers } from "../core/answers.js";
import { LitError } from "../core/errors.js";
import { contentBytes } from "../core/files.js";
import { packageRoot } from "../core/package-root.js";
import { ABSENT } from "./merge-values.js";
import { JSON_KIND, YAML_KIND } from "./merge-structured.js";
import { compareVersions } from "./versions.js";

/** Where a version declares its migrations, shipped with the templates. */
export const MIGRATIONS_FILE = "templates/migrations.json";

const stepSchema = z.union([
  z.strictObject({ rename: z.strictObject({ from: z.string(), to: z.string() }) }),
  z.strictObject({
    moveSetting: z.strictObject({
      file: z.string(),
      from: z.array(z.string()),
      to: z.array(z.string()),
    }),
  }),
]);

const migrationSchema = z.strictObject({
  id: z.string(),
  /** The version that brings it: it runs when updating to this version or a later one. */
  version: z.string(),
  steps: z.array(stepSchema),
});

export type Migration = z.infer<typeof migrationSchema>;
export type MigrationStep = z.infer<typeof stepSchema>;

/** The migrations this version ships, in the order they run. */
export async function shippedMigrations(
  root: string = packageRoot(),
): Promise<readonly Migration[]> {
  const file = join(root, MIGRATIONS_FILE);
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return [];
  const parsed = z.array(migrationSchema).safeParse(JSON.parse(text));
  if (parsed.success) return parsed.data;
  throw new LitError("failed", `${MIGRATIONS_FILE} of this create-litclaude is malformed`, {
    hint: "this is a bug in the release: please report it; nothing was written",
    location: { file },
  });
}

/** The migrations still to run for an update to `target`, given the ids already run. */
export function pendingMigrations(
  all: readonly Migration[],
  done: readonly string[],
  target: string,
): readonly Migration[] {
  return all.filter(
    (migration) => !done.includes(migration.id) && compareVersions(migration.version, target) <= 0,
  );
}

/** A set of files by path, as a migration sees them (the repo's, or the base). */
export type FileSet = Map<string, { content: Uint8Array; executable: boolean }>;

const decoder = new TextDecoder();

function childOf(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return ABSENT;
  const entry = Object.entries(value).find(([name]) => name === key);
  return entry === undefined ? ABSENT : entry[1];
}

function moveSetting(
  files: FileSet,
  file: string,
  from: readonly string[],
  to: readonly string[],
): void {
  const held = files.get(file);
  if (held === undefined) return;
  const kind = file.endsWith(".json") ? JSON_KIND : /\.ya?ml$/.test(file) ? YAML_KIND : undefined;
  if (kind === undefined) {
    throw new LitError(
      "failed",
      `a migration moves a setting in ${file}, which is not JSON or YAML`,
      {
        hint: "this is a bug in the release: please report it; nothing was written",
      },
    );
  }
  const text = decoder.decode(held.content);
  const value = kind.parse(text);
  let found: unknown = value;
  for (const key of from) found = childOf(found, key);
  if (found === ABSENT) return;
  const moved = kind.apply(
    text,
    [
      { path: from, value: ABSENT },
      { path: to, value: found },
    ],
    "",
  );
  if (moved !== undefined) files.set(file, { ...held, content: contentBytes(moved) });
}

/** Runs the steps on a set of files in memory, in order: a rename moves, a setting moves. */
export function runSteps(files: FileSet, steps: readonly MigrationStep[]): void {
  for (const step of steps) {
    if ("rename" in step) {
      const held = files.get(step.rename.from);
      if (held === undefined || files.has(step.rename.to)) continue;
      files.delete(step.rename.from);
      files.set(step.rename.to, held);
    } else {
      moveSetting(files, step.moveSetting.file, step.moveSetting.from, step.moveSetting.to);
    }
  }
}

/**
 * A step names paths as the template does; a language `add` put under a folder has them under
 * that folder too, so each step is repeated there (a step whose file is absent does nothing).
 */
export function underEachFolder(
  steps: readonly MigrationStep[],
  answers: Answers,
): MigrationStep[] {
  const folders = [
    "",
    ...new Set(
      (answers.languages ?? [])
        .filter((entry) => entry.dir !== ".")
        .map((entry) => `${entry.dir}/`),
    ),
  ];
  return folders.flatMap((folder) =>
    steps.map((step): MigrationStep =>
      "rename" in step
        ? { rename: { from: `${folder}${step.rename.from}`, to: `${folder}${step.rename.to}` } }
        : { moveSetting: { ...step.moveSetting, file: `${folder}${step.moveSetting.file}` } },
    ),
  );
}
