import { join, relative } from "node:path";
import { languageModule } from "../lang/index.js";
import { packageManagerVars } from "../lang/ts.js";
import { answersFile } from "./answers.js";
import { applyNewProject } from "./apply.js";
import { usageError } from "./errors.js";
import { builtinLayers, builtinPartials } from "./layers.js";
import { createOptionsSchema, type CreateOptions } from "./options.js";
import { planFiles, type PlanAction } from "./plan.js";
import { renderLayers, templateSources, type RenderContext } from "./render.js";
import { loadEngine } from "./template-engine.js";
import { precompiledFor } from "./precompiled/index.js";
import { assertTargetIsFree } from "./target.js";
import { createTasks, runTasks } from "./create-tasks.js";
import { silentReporter, type TaskReporter, type TaskResult } from "./tasks.js";
import { pluginFiles } from "../plugin/files.js";
import { toolVersion } from "./version.js";
import { packageRoot } from "./package-root.js";
import { readTemplateTree } from "./template-tree.js";

/** The Node major that generated CI workflows set up: the current LTS line. */
export const NODE_LTS_MAJOR = "24";

export interface CreateResult {
  readonly ok: boolean;
  readonly command: "create";
  readonly target: string;
  readonly dryRun: boolean;
  readonly files: readonly { readonly path: string; readonly action: PlanAction }[];
  readonly tasks: readonly TaskResult[];
  readonly nextSteps: readonly string[];
}

export interface CreateHooks {
  readonly reporter?: TaskReporter;
  /** Called once every file is in place, before the tasks start. */
  readonly onApplied?: (target: string, fileCount: number) => void;
  readonly signal?: AbortSignal;
  /** The folder relative paths in messages are shown from. */
  readonly cwd?: string;
}

export function parseCreateOptions(input: unknown): CreateOptions {
  const parsed = createOptionsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first === undefined ? "options" : first.path.join(".");
  throw usageError(`invalid ${where}: ${first?.message ?? "unknown problem"}`);
}

function renderContext(
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

/** `npm create litclaude`: render, plan, apply (all or nothing), then run the tasks. */
export async function createProject(
  input: unknown,
  hooks: CreateHooks = {},
): Promise<CreateResult> {
  const options = parseCreateOptions(input);
  const vars = languageVars(options);
  const shown = relative(hooks.cwd ?? process.cwd(), options.targetDir) || ".";
  await assertTargetIsFree(options.targetDir, shown);
  const [layers, partials, plugin] = await Promise.all([
    builtinLayers(options.lang, options.kind),
    builtinPartials(options.lang),
    pluginFiles(options.plugin, options.marketplace, (dir) =>
      readTemplateTree(join(packageRoot(), dir)),
    ),
  ]);
  const engine = await loadEngine(
    templateSources(layers),
    partials,
    await precompiledFor(options.lang),
  );
  const files = [
    ...renderLayers(layers, renderContext(options, vars), engine),
    ...plugin,
    answersFile(options, toolVersion()),
  ];
  const plan = await planFiles(options.targetDir, files, options.force);
  const fileList = plan.entries.map((entry) => ({ path: entry.path, action: entry.action }));
  const tasks = createTasks(options, shown);
  const nextSteps = [
    ...(shown === "." ? [] : [`cd ${shown}`]),
    ...(options.install
      ? []
      : tasks.filter((task) => task.name === "install").map((task) => task.display)),
    "scripts/check",
  ];
  if (options.dryRun) {
    return {
      ok: true,
      command: "create",
      target: options.targetDir,
      dryRun: true,
      files: fileList,
      tasks: [],
      nextSteps,
    };
  }
  await applyNewProject(plan, hooks.signal);
  hooks.onApplied?.(options.targetDir, fileList.length);
  const results = await runTasks(tasks, options, hooks.reporter ?? silentReporter, hooks.signal);
  return {
    ok: results.every((result) => result.status !== "failed"),
    command: "create",
    target: options.targetDir,
    dryRun: false,
    files: fileList,
    tasks: results,
    nextSteps,
  };
}
