import { join, relative } from "node:path";
import { languageModule } from "../lang/index.js";
import { packageManagerVars } from "../lang/ts.js";
import { answersFile } from "./answers.js";
import { usageError } from "./errors.js";
import { builtinLayers, builtinPartials } from "./layers.js";
import { createOptionsSchema, type CreateOptions } from "./options.js";
import type { FileReport } from "./file-report.js";
import type { ProjectFile } from "./files.js";
import type { Restored } from "./journal.js";
import { assertPathLengths, nearestExistingFolder } from "./path-checks.js";
import { shellLine } from "./shell-words.js";
import { renderLayers, templateSources, type Layer, type RenderContext } from "./render.js";
import { loadEngine } from "./template-engine.js";
import { precompiledFor } from "./precompiled/index.js";
import { assertTargetAccepts } from "./target.js";
import { createTasks } from "./create-tasks.js";
import { writeAndRunTasks } from "./create-write.js";
import type { TaskReporter, TaskResult } from "./tasks.js";
import { pluginFiles } from "../plugin/files.js";
import { toolVersion } from "./version.js";
import { packageRoot } from "./package-root.js";
import { readTemplateTree } from "./template-tree.js";
import { baseSnapshotFile } from "../update/snapshot.js";
import type { TemplateSummary, TemplateUse } from "../template/apply-template.js";

/** The Node major that generated CI workflows set up: the current LTS line. */
export const NODE_LTS_MAJOR = "24";

export interface CreateResult {
  readonly ok: boolean;
  readonly command: "create";
  readonly target: string;
  readonly dryRun: boolean;
  /** Every file and what happens to it; `diff` for merges, conflicts and overwrites. */
  readonly files: readonly FileReport[];
  /** With --dry-run, the tasks that would run (status `planned`). */
  readonly tasks: readonly TaskResult[];
  readonly nextSteps: readonly string[];
  /** The `.litclaude-backup` copies --force kept. */
  readonly backups: readonly string[];
  /** What an interrupted earlier run had changed, restored before this run planned. */
  readonly recovered: Restored | undefined;
  /** After a signal stopped the tasks: the command that finishes them. */
  readonly resume: string | undefined;
  /** With --template: what the team template added, merged or turned down. */
  readonly template?: TemplateSummary;
}

export interface CreateHooks {
  readonly reporter?: TaskReporter;
  /** Called once every file is in place, before the tasks start. */
  readonly onApplied?: (target: string, fileCount: number) => void;
  readonly signal?: AbortSignal;
  /** The folder relative paths in messages are shown from. */
  readonly cwd?: string;
  /** A team template (`--template`) to lay over the baseline, with its answers. */
  readonly template?: TemplateUse;
}

export function parseCreateOptions(input: unknown): CreateOptions {
  const parsed = createOptionsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first === undefined ? "options" : first.path.join(".");
  throw usageError(`invalid ${where}: ${first?.message ?? "unknown problem"}`);
}

export function renderContext(
  options: CreateOptions,
  vars: Readonly<Record<string, string>>,
): RenderContext {
  const label = languageModule(options.lang).label;
  return {
    name: options.name,
    // No project name in it: names such as `a_b` would break doc lints (clippy doc_markdown).
    description: `A strict ${label} ${options.kind === "cli" ? "command-line tool" : "library"}`,
    lang: options.lang,
    kind: options.kind,
    isCli: options.kind === "cli",
    isLib: options.kind === "lib",
    year: String(new Date().getFullYear()),
    toolVersion: toolVersion(),
    nodeVersion: NODE_LTS_MAJOR,
    ...packageManagerVars(options.packageManager),
    ...vars,
  };
}

/** Validates names by the language's rules and gives the template variables. */
export function languageVars(options: CreateOptions): Readonly<Record<string, string>> {
  const result = languageModule(options.lang).templateVars({
    name: options.name,
    kind: options.kind,
    module: options.module,
  });
  if (result.ok) return result.vars;
  const { problem } = result;
  const flag = problem.field === "module" ? "--module" : "--name";
  const value = problem.field === "module" ? (options.module ?? "") : options.name;
  throw usageError(
    `invalid ${problem.field} "${value}": ${problem.rule}`,
    problem.suggestion === undefined ? `pass a valid ${flag}` : `try ${flag} ${problem.suggestion}`,
  );
}

/** Renders the built-in project in memory; `extra` layers (used by `add`) render after it. */
export async function renderProject(
  options: CreateOptions,
  vars: Readonly<Record<string, string>>,
  extra: readonly Layer[] = [],
): Promise<readonly ProjectFile[]> {
  const [builtin, partials, plugin] = await Promise.all([
    builtinLayers(options.lang, options.kind),
    builtinPartials(options.lang),
    pluginFiles(options.plugin, options.marketplace, (dir) =>
      readTemplateTree(join(packageRoot(), dir)),
    ),
  ]);
  const layers = [...builtin, ...extra];
  const engine = await loadEngine(
    templateSources(layers),
    partials,
    await precompiledFor(options.lang),
  );
  return [
    ...renderLayers(layers, renderContext(options, vars), engine),
    ...plugin,
    answersFile(options, toolVersion()),
  ];
}

/** `npm create litclaude`: render, plan, apply (all or nothing), then run the tasks. */
export async function createProject(
  input: unknown,
  hooks: CreateHooks = {},
): Promise<CreateResult> {
  const options = parseCreateOptions(input);
  const vars = languageVars(options);
  const shown = relative(hooks.cwd ?? process.cwd(), options.targetDir) || ".";
  assertPathLengths(options.targetDir, []);
  await nearestExistingFolder(options.targetDir);
  await assertTargetAccepts(options.targetDir, shown);
  const rendered = await renderProject(options, vars);
  const templated =
    hooks.template === undefined
      ? undefined
      : await (
          await import("../template/project-files.js")
        ).layerForCreate(hooks.template, rendered, renderContext(options, vars), options);
  const layered = templated?.files ?? rendered;
  // What update merges against later: the files as written (a team template's included), kept
  // beside the answers.
  const files = [...layered, baseSnapshotFile(layered)];
  assertPathLengths(
    options.targetDir,
    files.map((file) => file.path),
  );
  const tasks =
    hooks.template === undefined
      ? createTasks(options, shown)
      : (await import("../template/tasks.js")).withTemplateTasks(
          createTasks(options, shown),
          hooks.template,
        );
  const nextSteps = [
    ...(shown === "." ? [] : [`cd ${shellLine([shown])}`]),
    ...(options.install
      ? []
      : tasks.filter((task) => task.name === "install").map((task) => task.display)),
    "scripts/check",
  ];
  const base = {
    command: "create",
    target: options.targetDir,
    nextSteps,
    ...(templated === undefined ? {} : { template: templated.summary }),
  } as const;
  return writeAndRunTasks({ options, files, tasks, base, shown, hooks });
}
