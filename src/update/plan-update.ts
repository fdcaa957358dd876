import { stat } from "node:fs/promises";
import { join } from "node:path";
import { ANSWERS_PATH, type Answers, type TemplateRecord } from "../core/answers.js";
import { LitError, usageError } from "../core/errors.js";
import { contentBytes, sameBytes } from "../core/files.js";
import { bytesIfPresent } from "../core/fs-probe.js";
import { toolVersion } from "../core/version.js";
import { readProjectAnswers, splitAnswerFlags, withChangedAnswers } from "./answers-io.js";
import type { Change } from "./apply-update.js";
import { classify, type Side, type UpdateEntry } from "./classify.js";
import { layersOf, renderLayers, type TemplateRun } from "./layers.js";
import {
  pendingMigrations,
  runSteps,
  shippedMigrations,
  underEachFolder,
  type FileSet,
} from "./migrations.js";
import { BASE_PATH, baseSnapshotFile, isToolRecord, readBaseSnapshot } from "./snapshot.js";
import type { TemplateUpdateOptions } from "./template-reload.js";
import { compareVersions } from "./versions.js";

export interface UpdateInput {
  readonly repoDir: string;
  readonly to?: string | undefined;
  readonly answers?: readonly string[];
  /** How recorded team templates are fetched again (`--template-ref`, `--offline`). */
  readonly template?: Omit<TemplateUpdateOptions, "answers">;
}

/** A team template's provenance before and after this update. */
export interface TemplateMove {
  readonly name: string;
  readonly dir: string;
  readonly from: { readonly ref?: string; readonly commit?: string; readonly version?: string };
  readonly to: { readonly ref?: string; readonly commit?: string; readonly version?: string };
}

export interface PlannedUpdate {
  readonly from: string;
  readonly to: string;
  readonly entries: readonly UpdateEntry[];
  /** answers.json and base.json as this update leaves them, where they change. */
  readonly recordChanges: readonly Change[];
  readonly migrations: readonly string[];
  readonly templates: readonly TemplateMove[];
}

async function sideAt(repoDir: string, path: string): Promise<Side | undefined> {
  const content = await bytesIfPresent(join(repoDir, path));
  if (content === undefined) return undefined;
  const mode = await stat(join(repoDir, path)).then((info) => info.mode);
  return { content, executable: (mode & 0o100) !== 0 };
}

function targetVersion(to: string | undefined, recorded: Answers): string {
  const running = toolVersion();
  if (to !== undefined && to !== running) {
    const team = (recorded.templates ?? []).length > 0;
    throw usageError(
      `this is create-litclaude ${running}; it updates to its own version, not ${to}`,
      team
        ? `for the team template's version pass --template-ref ${to}; for the tool's, run npx create-litclaude@${to} update; nothing was written`
        : `run the version you want: npx create-litclaude@${to} update; nothing was written`,
    );
  }
  if (compareVersions(recorded.version, running) > 0) {
    throw usageError(
      `the project was made by create-litclaude ${recorded.version}, newer than this ${running}`,
      `run npx create-litclaude@${recorded.version} update or newer; nothing was written`,
    );
  }
  return running;
}

function recordedAnswers(
  answers: Answers,
  version: string,
  migrations: readonly string[],
  templates: ReadonlyMap<number, TemplateRecord>,
): string {
  const next: Answers = {
    ...answers,
    version,
    ...(answers.templates === undefined
      ? {}
      : { templates: answers.templates.map((record, at) => templates.get(at) ?? record) }),
    ...(answers.languages === undefined
      ? {}
      : { languages: answers.languages.map((entry) => ({ ...entry, version })) }),
    ...(migrations.length === 0 && answers.migrations === undefined
      ? {}
      : { migrations: [...(answers.migrations ?? []), ...migrations] }),
  };
  return `${JSON.stringify(next, null, 2)}\n`;
}

/** `--template-ref` picks one team template's version: there must be exactly one. */
function refuseTemplateRef(ref: string | undefined, recorded: Answers): void {
  const count = (recorded.templates ?? []).length;
  if (ref === undefined || count === 1) return;
  throw usageError(
    count === 0
      ? `--template-ref ${ref}: this project records no team template`
      : `--template-ref ${ref}: this project records ${String(count)} team templates, and the flag picks one's ref`,
    count === 0
      ? "drop --template-ref; --to is the tool's version"
      : "run update without it (each goes to its newest tag or its branch's commit); nothing was written",
  );
}

/**
 * Everything update would do, decided from the answers, the base snapshot, the repo and this
 * version's render; reads only, writes nothing.
 */
export async function planUpdate(options: UpdateInput): Promise<PlannedUpdate> {
  const { repoDir } = options;
  const recorded = await readProjectAnswers(repoDir);
  const base = await readBaseSnapshot(repoDir);
  if (base === undefined) {
    throw new LitError(
      "usage",
      `${BASE_PATH} is missing: update has no record of what was written`,
      {
        hint:
          "restore it from git (git log -- .litclaude/base.json); a project made before create-litclaude " +
          "wrote it has no record to merge against, so update cannot tell your edits apart; nothing was written",
        location: { file: join(repoDir, BASE_PATH) },
      },
    );
  }
  const to = targetVersion(options.to, recorded);
  refuseTemplateRef(options.template?.ref, recorded);
  const flags = splitAnswerFlags(options.answers ?? [], (recorded.templates ?? []).length > 0);
  const answers = withChangedAnswers(recorded, flags.builtin);
  const run: TemplateRun = {
    options: { ...options.template, answers: flags.template },
    used: new Set(),
    records: new Map(),
  };
  const theirs = await renderLayers(layersOf(repoDir, answers, base, run));
  const unused = flags.template.find((flag) => !run.used.has(flag));
  if (unused !== undefined) {
    throw usageError(
      `--answer template.${unused}: no team template here asks that question`,
      "check the key against the template's litclaude.template.json questions; nothing was written",
    );
  }
  const migrations = pendingMigrations(await shippedMigrations(), recorded.migrations ?? [], to);
  const steps = underEachFolder(
    migrations.flatMap((migration) => migration.steps),
    answers,
  );
  const touchedBySteps = steps.flatMap((step) =>
    "rename" in step ? [step.rename.from, step.rename.to] : [step.moveSetting.file],
  );
  const paths = [...new Set([...base.keys(), ...theirs.keys(), ...touchedBySteps])]
    .filter((path) => !isToolRecord(path))
    .sort();
  const before = new Map<string, Side>();
  for (const path of paths) {
    const side = await sideAt(repoDir, path);
    if (side !== undefined) before.set(path, side);
  }
  const ours: FileSet = new Map(before);
  const migratedBase: FileSet = new Map(base);
  runSteps(ours, steps);
  runSteps(migratedBase, steps);
  const entries: UpdateEntry[] = [];
  for (const path of paths) {
    const rendered = theirs.get(path);
    entries.push(
      await classify(path, {
        before: before.get(path),
        base: migratedBase.get(path),
        ours: ours.get(path),
        theirs:
          rendered === undefined
            ? undefined
            : { content: contentBytes(rendered.content), executable: rendered.executable },
      }),
    );
  }
  const records = [
    {
      path: ANSWERS_PATH,
      content: recordedAnswers(
        answers,
        to,
        migrations.map((m) => m.id),
        run.records,
      ),
    },
    { path: BASE_PATH, content: String(baseSnapshotFile([...theirs.values()]).content) },
  ];
  const recordChanges: Change[] = [];
  for (const record of records) {
    const held = await bytesIfPresent(join(repoDir, record.path));
    const content = contentBytes(record.content);
    if (held === undefined || !sameBytes(held, content)) {
      recordChanges.push({ path: record.path, content, executable: false, before: held });
    }
  }
  return {
    from: recorded.version,
    to,
    entries,
    recordChanges,
    migrations: migrations.map((m) => m.id),
    templates: templateMoves(answers.templates ?? [], run.records),
  };
}

function provenance(record: TemplateRecord): TemplateMove["from"] {
  return {
    ...(record.ref === undefined ? {} : { ref: record.ref }),
    ...(record.commit === undefined ? {} : { commit: record.commit }),
    ...(record.version === undefined ? {} : { version: record.version }),
  };
}

function templateMoves(
  before: readonly TemplateRecord[],
  after: ReadonlyMap<number, TemplateRecord>,
): TemplateMove[] {
  return before.flatMap((record, at) => {
    const next = after.get(at);
    if (next === undefined) return [];
    return [{ name: record.name, dir: record.dir, from: provenance(record), to: provenance(next) }];
  });
}
