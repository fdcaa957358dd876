import { existsSync } from "node:fs";
import { join } from "node:path";
import { languageModule } from "../lang/index.js";
import type { CommandSpec } from "../lang/types.js";
import type { CreateOptions } from "./options.js";
import {
  commandLine,
  runTask,
  silentReporter,
  skippedTask,
  type TaskReporter,
  type TaskResult,
} from "./tasks.js";

export type TaskName = "install" | "git" | "verify" | "template";

/** A step after the files are written, with the command a user would type to run it again. */
export interface PlannedTask {
  readonly name: TaskName;
  readonly title: string;
  readonly commands: readonly CommandSpec[];
  readonly display: string;
  /** Set when the task is listed but must not run (a team template's task without trust). */
  readonly skipReason?: string;
}

const COMMIT_MESSAGE = "Initial commit from create-litclaude";

/** The first commit: git init (unless a repository is there), add, commit. */
export function gitTask(): PlannedTask {
  return {
    name: "git",
    title: "Creating the first git commit",
    commands: [
      // CI workflows run on pushes to main; git's own default branch name varies by machine.
      { cmd: "git", args: ["init", "--quiet", "--initial-branch=main"] },
      { cmd: "git", args: ["add", "--all"] },
      { cmd: "git", args: ["commit", "--quiet", "--message", COMMIT_MESSAGE] },
    ],
    display: `git init --initial-branch=main && git add --all && git commit -m "${COMMIT_MESSAGE}"`,
  };
}

export function createTasks(options: CreateOptions, shown: string): readonly PlannedTask[] {
  const install = languageModule(options.lang).installCommand(options.packageManager);
  const planned: PlannedTask[] = [];
  if (install !== undefined) {
    planned.push({
      name: "install",
      title: `Installing dependencies (${commandLine(install)})`,
      commands: [install],
      display: commandLine(install),
    });
  }
  planned.push(gitTask());
  planned.push({
    name: "verify",
    title: `Running the gate (scripts/check in ${shown})`,
    commands: [{ cmd: "scripts/check", args: [] }],
    display: "scripts/check",
  });
  return planned;
}

/** What running the tasks needs to know: where, and which steps the flags turned off. */
export type TaskOptions = Pick<CreateOptions, "targetDir" | "git" | "install" | "verify">;

function enabled(task: PlannedTask, options: TaskOptions): boolean {
  if (task.skipReason !== undefined) return false;
  switch (task.name) {
    case "install":
      return options.install;
    case "git":
      return options.git;
    case "verify":
      return options.verify;
    case "template":
      return true;
  }
}

async function gitIdentityMissing(cwd: string, signal: AbortSignal | undefined): Promise<boolean> {
  const probe = await runTask(
    { name: "git", title: "", command: { cmd: "git", args: ["config", "user.email"] }, cwd },
    silentReporter,
    signal,
  );
  return probe.status !== "done" || probe.output.trim() === "";
}

async function hasCommits(cwd: string, signal: AbortSignal | undefined): Promise<boolean> {
  const probe = await runTask(
    {
      name: "git",
      title: "",
      command: { cmd: "git", args: ["rev-parse", "--verify", "--quiet", "HEAD"] },
      cwd,
    },
    silentReporter,
    signal,
  );
  return probe.status === "done";
}

const EXISTING_HISTORY =
  "the repository has commits already: the new files are left uncommitted for you to review";

/** The reason of a task a signal kept from starting. */
export const CANCELLED = "cancelled before it started";

const NO_IDENTITY =
  "no git identity (user.email) is set: the files are staged, commit them yourself";

async function runPlanned(
  task: PlannedTask,
  options: TaskOptions,
  reporter: TaskReporter,
  signal: AbortSignal | undefined,
): Promise<TaskResult> {
  const cwd = options.targetDir;
  let commands = task.commands;
  let note: string | undefined;
  if (task.name === "git") {
    const repository = existsSync(join(cwd, ".git"));
    if (repository) commands = commands.slice(1);
    if (repository && (await hasCommits(cwd, signal))) {
      // Someone's repository with history: a commit of ours would sweep in their changes too.
      commands = [];
      note = EXISTING_HISTORY;
    } else if (await gitIdentityMissing(cwd, signal)) {
      commands = commands.slice(0, -1);
      note = NO_IDENTITY;
    }
  }
  const outputs: string[] = [];
  const started = performance.now();
  reporter.start(task.title);
  for (const command of commands) {
    const result = await runTask(
      { name: task.name, title: task.title, command, cwd },
      silentReporter,
      signal,
    );
    outputs.push(result.output);
    if (stopped(result)) {
      const failed = {
        ...result,
        // A failure names the one command to rerun; after a signal the whole task is left.
        command: result.status === "interrupted" ? task.display : result.command,
        durationMs: Math.round(performance.now() - started),
        output: outputs.join("\n"),
      };
      reporter.finish(task.title, failed);
      return failed;
    }
  }
  const result: TaskResult = {
    name: task.name,
    command: task.display,
    status: "done",
    durationMs: Math.round(performance.now() - started),
    output: outputs.join("\n"),
    reason: note,
  };
  reporter.finish(task.title, result);
  return result;
}

function stopped(result: TaskResult): boolean {
  return result.status === "failed" || result.status === "interrupted";
}

/**
 * Runs the enabled tasks in order; after a failure or a signal the rest are skipped, each with
 * the reason, so the report can name what is left to run.
 */
export async function runTasks(
  planned: readonly PlannedTask[],
  options: TaskOptions,
  reporter: TaskReporter,
  signal: AbortSignal | undefined,
): Promise<readonly TaskResult[]> {
  const results: TaskResult[] = [];
  for (const task of planned) {
    if (!enabled(task, options)) {
      results.push(
        skippedTask(
          task.name,
          task.display,
          task.skipReason ?? (task.name === "verify" ? "--verify not given" : `--no-${task.name}`),
        ),
      );
    } else if (signal?.aborted === true) {
      results.push(skippedTask(task.name, task.display, CANCELLED));
    } else if (results.some(stopped)) {
      results.push(skippedTask(task.name, task.display, "an earlier task failed"));
    } else {
      results.push(await runPlanned(task, options, reporter, signal));
    }
  }
  return results;
}

/** What a dry run reports: the tasks a real run would start, in order. */
export function plannedTasks(
  planned: readonly PlannedTask[],
  options: TaskOptions,
): readonly TaskResult[] {
  return planned
    .filter((task) => enabled(task, options))
    .map((task) => ({
      name: task.name,
      command: task.display,
      status: "planned",
      durationMs: 0,
      output: "",
      reason: undefined,
    }));
}
