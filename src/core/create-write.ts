import type { CreateHooks, CreateResult } from "./create-project.js";
import {
  CANCELLED,
  plannedTasks,
  runTasks,
  type PlannedTask,
  type TaskOptions,
} from "./create-tasks.js";
import { fileReport } from "./file-report.js";
import type { ProjectFile } from "./files.js";
import { planFiles } from "./plan.js";
import { shellLine } from "./shell-words.js";
import { silentReporter, type TaskResult } from "./tasks.js";
import { writeProject } from "./write-project.js";

/** What the report says whatever happens: the command, the target, the next steps. */
type ResultBase = Pick<CreateResult, "command" | "target" | "nextSteps" | "template">;

export interface CreateWrite {
  readonly options: TaskOptions & { readonly dryRun: boolean; readonly force: boolean };
  readonly files: readonly ProjectFile[];
  readonly tasks: readonly PlannedTask[];
  readonly base: ResultBase;
  /** The target as messages show it (relative to where the user stands). */
  readonly shown: string;
  readonly hooks: Omit<CreateHooks, "template">;
}

/** What is left to run after a signal: `cd app && npm install && ...`, or undefined. */
function resumeCommand(results: readonly TaskResult[], shown: string): string | undefined {
  const left = results.filter(
    (result) =>
      result.status === "interrupted" ||
      (result.status === "skipped" && result.reason === CANCELLED),
  );
  if (left.length === 0) return undefined;
  const cd = shown === "." ? [] : [`cd ${shellLine([shown])}`];
  return [...cd, ...left.map((result) => result.command)].join(" && ");
}

/** The end of every `create`: plan (a dry run stops there), write all or nothing, run the tasks. */
export async function writeAndRunTasks(write: CreateWrite): Promise<CreateResult> {
  const { options, files, tasks, base, shown, hooks } = write;
  if (options.dryRun) {
    const plan = await planFiles(options.targetDir, files, options.force);
    return {
      ...base,
      ok: !plan.entries.some((entry) => entry.action === "conflict"),
      dryRun: true,
      files: await fileReport(plan),
      tasks: plannedTasks(tasks, options),
      backups: [],
      recovered: undefined,
      resume: undefined,
    };
  }
  const written = await writeProject(options.targetDir, files, {
    force: options.force,
    shown,
    ...(hooks.signal === undefined ? {} : { signal: hooks.signal }),
  });
  const done = {
    ...base,
    dryRun: false,
    files: await fileReport(written.plan),
    backups: written.backups,
    recovered: written.recovered,
  };
  if (written.conflicted) return { ...done, ok: false, tasks: [], resume: undefined };
  hooks.onApplied?.(options.targetDir, done.files.length);
  const results = await runTasks(tasks, options, hooks.reporter ?? silentReporter, hooks.signal);
  return {
    ...done,
    ok: results.every((result) => result.status === "done" || result.status === "skipped"),
    tasks: results,
    resume: resumeCommand(results, shown),
  };
}
