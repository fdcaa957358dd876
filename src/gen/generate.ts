import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { throwIfAborted } from "../core/abort.js";
import { applyToExisting } from "../core/apply.js";
import { unifiedDiff } from "../core/diff.js";
import { usageError } from "../core/errors.js";
import { contentBytes, sameBytes } from "../core/files.js";
import { recoverInterrupted, type Restored } from "../core/journal.js";
import type { Plan, PlanAction, PlanEntry } from "../core/plan.js";
import { lockTarget } from "../core/target-lock.js";
import type { LanguageId } from "../lang/types.js";
import { runAction } from "./actions.js";
import { answersFromFlags } from "./answers.js";
import { detectProject, type ProjectInfo } from "./detect.js";
import { projectFormatter } from "./format.js";
import { findGenerator } from "./list.js";
import { loadGenerators } from "./load-generators.js";
import { itemNameRule, itemNames } from "./names.js";
import { isCallable, type GenAnswers, type Generator } from "./plop-api.js";
import { stringRenderer } from "./render-string.js";
import { VirtualTree, type TreeFile } from "./virtual-tree.js";

export interface GenOptions {
  readonly dir: string;
  readonly lang: LanguageId | undefined;
  readonly generator: string;
  readonly name: string | undefined;
  readonly answers: ReadonlyMap<string, string>;
  readonly force: boolean;
  readonly dryRun: boolean;
  readonly signal?: AbortSignal;
}

export interface GenFile {
  readonly path: string;
  readonly action: PlanAction;
  readonly diff: string;
}

export interface GenResult {
  readonly ok: boolean;
  readonly command: "gen";
  readonly dryRun: boolean;
  readonly target: string;
  readonly lang: LanguageId;
  readonly generator: string;
  readonly name: string | undefined;
  readonly files: readonly GenFile[];
  readonly backups: readonly string[];
  readonly recovered: Restored | undefined;
}

async function current(root: string, path: string) {
  const file = join(root, path);
  const bytes = await readFile(file).then(
    (buffer) => new Uint8Array(buffer),
    () => undefined,
  );
  const mode = bytes === undefined ? 0 : (await stat(file)).mode;
  return { bytes, executable: (mode & 0o111) !== 0 };
}

async function entryOf(root: string, file: TreeFile, force: boolean): Promise<PlanEntry> {
  const content = contentBytes(file.content);
  const before = await current(root, file.path);
  const executable =
    file.origin === "add" ? file.executable || file.path.startsWith("scripts/") : before.executable;
  const base = { path: file.path, content, executable, current: before.bytes };
  if (before.bytes === undefined) return { ...base, action: "create" };
  if (sameBytes(before.bytes, content)) return { ...base, action: "identical" };
  if (file.origin === "change") return { ...base, action: "merge" };
  return { ...base, action: force ? "overwrite" : "conflict" };
}

/** The generator's list of actions; a dynamic one that throws is refusing these answers. */
function actionsOf(generator: Generator, answers: GenAnswers): unknown {
  if (!isCallable(generator.actions)) return generator.actions;
  try {
    return generator.actions(answers);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw usageError(`the ${generator.name} generator refused: ${reason}`, "nothing was written");
  }
}

/** Runs the generator's actions against the project in memory; returns the plan, writes nothing. */
async function planGenerator(options: GenOptions, project: ProjectInfo): Promise<Plan> {
  const set = await loadGenerators(project.lang, options.dir);
  const generator = findGenerator(set, options.generator, project);
  const usesName = generator.prompts.some((prompt) => prompt.name === "name");
  if (usesName && options.name !== undefined) {
    const rule = itemNameRule(project.lang, options.name);
    if (rule !== undefined) {
      throw usageError(`the name ${options.name} is not usable: ${rule}`, "choose another name");
    }
  }
  const given = new Map(options.answers);
  if (options.name !== undefined) given.set("name", options.name);
  const base: GenAnswers = {
    ...project.vars,
    lang: project.lang,
    kind: project.kind,
    projectName: project.name,
    ...(options.name === undefined ? {} : itemNames(options.name)),
  };
  const answers = answersFromFlags(generator, given, base);
  const actions = actionsOf(generator, answers);
  if (!Array.isArray(actions)) {
    throw usageError(`generator ${generator.name}: actions is not a list`, "return an array");
  }
  const tree = new VirtualTree(options.dir);
  const render = await stringRenderer(set);
  const list: unknown[] = actions;
  for (const [index, action] of list.entries()) {
    await runAction(action, index, generator, tree, render, answers);
  }
  const format = await projectFormatter(project.lang, options.dir);
  const entries = await Promise.all(
    tree.changes().map(async (file) => {
      const formatted = { ...file, content: await format(file.path, file.content) };
      return entryOf(options.dir, formatted, options.force);
    }),
  );
  return { targetDir: options.dir, entries };
}

async function report(plan: Plan): Promise<readonly GenFile[]> {
  const empty = new Uint8Array();
  return Promise.all(
    plan.entries.map(async (entry) => ({
      path: entry.path,
      action: entry.action,
      diff:
        entry.action === "identical"
          ? ""
          : await unifiedDiff(entry.path, entry.current ?? empty, entry.content),
    })),
  );
}

/** `gen`: plan a generator's changes, then show them (dry run) or apply them all or nothing. */
export async function generate(options: GenOptions): Promise<GenResult> {
  const project = await detectProject(options.dir, options.lang);
  const shown = (files: readonly GenFile[], backups: readonly string[], recovered?: Restored) => ({
    ok: !files.some((file) => file.action === "conflict"),
    command: "gen" as const,
    dryRun: options.dryRun,
    target: options.dir,
    lang: project.lang,
    generator: options.generator,
    name: options.name,
    files,
    backups,
    recovered,
  });
  if (options.dryRun) {
    const plan = await planGenerator(options, project);
    return shown(await report(plan), []);
  }
  const lock = await lockTarget(options.dir, options.dir);
  try {
    const recovered = await recoverInterrupted(options.dir);
    const plan = await planGenerator(options, project);
    const files = await report(plan);
    throwIfAborted(options.signal);
    if (files.some((file) => file.action === "conflict")) return shown(files, [], recovered);
    const backups = await applyToExisting(plan, options.signal);
    return shown(files, backups, recovered);
  } finally {
    await lock.release();
  }
}
