import type { LitError } from "../core/errors.js";
import type { CreateResult } from "../core/create-project.js";
import type { TaskReporter, TaskResult } from "../core/tasks.js";
import type { Output } from "./output.js";

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

function lastLines(text: string, count: number): string {
  return text
    .trimEnd()
    .split("\n")
    .slice(-count)
    .map((line) => `    ${line}`)
    .join("\n");
}

/** A task that did its job only in part (git staged but could not commit) is done with a reason. */
function isWarning(result: TaskResult): boolean {
  return result.status === "done" && result.reason !== undefined;
}

function mark(result: TaskResult): string {
  if (result.status !== "done") return "✖";
  return isWarning(result) ? "▲" : "✔";
}

/** Plain progress lines, for pipes and CI logs where a spinner would only add noise. */
export function lineReporter(out: Output): TaskReporter {
  return {
    start: (title) => {
      out.stdout(`◇ ${title} ...\n`);
    },
    finish: (title, result) => {
      out.stdout(`${mark(result)} ${title} (${seconds(result.durationMs)})\n`);
    },
  };
}

/** A clack spinner per task, for terminals. */
export async function spinnerReporter(): Promise<TaskReporter> {
  const clack = await import("@clack/prompts");
  let spin = clack.spinner();
  return {
    start: (title) => {
      spin = clack.spinner();
      spin.start(title);
    },
    finish: (title, result) => {
      const line = `${title} (${seconds(result.durationMs)})`;
      if (isWarning(result)) {
        spin.clear();
        clack.log.warn(line, { spacing: 0 });
      } else if (result.status === "done") spin.stop(line);
      else spin.error(line);
    },
  };
}

function describeTask(task: TaskResult): string {
  switch (task.status) {
    case "done":
      return task.reason === undefined ? "" : `  warning: ${task.reason}\n`;
    case "skipped":
      return "";
    case "failed":
      return `  ${task.name} failed: ${task.reason ?? "unknown reason"}\n${lastLines(task.output, 15)}\n  rerun it with: ${task.command}\n`;
  }
}

export function printCreateResult(
  result: CreateResult,
  out: Output,
  equivalent: string | undefined,
): void {
  if (result.dryRun) {
    for (const file of result.files) out.stdout(`  ${file.action.padEnd(9)} ${file.path}\n`);
    out.stdout(
      `Dry run: ${String(result.files.length)} files would be written to ${result.target}; nothing was written.\n`,
    );
    return;
  }
  for (const task of result.tasks) out.stdout(describeTask(task));
  if (result.ok) {
    out.stdout(`\nNext steps:\n${result.nextSteps.map((step) => `  ${step}`).join("\n")}\n`);
  }
  if (equivalent !== undefined) out.stdout(`\nTo do the same without prompts:\n  ${equivalent}\n`);
}

export function printError(error: LitError, out: Output): void {
  const where =
    error.location === undefined
      ? ""
      : `  at ${error.location.file}${error.location.line === undefined ? "" : `:${String(error.location.line)}`}\n`;
  const hint = error.hint === undefined ? "" : `  fix: ${error.hint}\n`;
  out.stderr(`error: ${error.message}\n${where}${hint}`);
}

export function errorJson(error: LitError, command: string): Readonly<Record<string, unknown>> {
  return {
    ok: false,
    command,
    exitCode: error.exitCode,
    error: {
      kind: error.kind,
      message: error.message,
      hint: error.hint,
      file: error.location?.file,
      line: error.location?.line,
    },
  };
}
