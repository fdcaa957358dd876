import type { LitError } from "../core/errors.js";
import type { CreateResult } from "../core/create-project.js";
import type { TaskReporter, TaskResult } from "../core/tasks.js";
import type { Output } from "./output.js";
import { seconds, statusMark } from "./spinner.js";

function lastLines(text: string, count: number): string {
  return text
    .trimEnd()
    .split("\n")
    .slice(-count)
    .map((line) => `    ${line}`)
    .join("\n");
}

/** Plain progress lines, for pipes and CI logs where a spinner would only add noise. */
export function lineReporter(out: Output): TaskReporter {
  return {
    start: (title) => {
      out.stdout(`◇ ${title} ...\n`);
    },
    finish: (title, result) => {
      out.stdout(`${statusMark(result)} ${title} (${seconds(result.durationMs)})\n`);
    },
  };
}

function describeTask(task: TaskResult): string {
  switch (task.status) {
    case "done":
      return task.reason === undefined ? "" : `  warning: ${task.reason}\n`;
    case "skipped":
    case "planned":
      return "";
    case "failed":
      return `  ${task.name} failed: ${task.reason ?? "unknown reason"}\n${lastLines(task.output, 15)}\n  rerun it with: ${task.command}\n`;
    case "interrupted":
      return `  ${task.name} was ${task.reason ?? "stopped"}\n`;
  }
}

function printFiles(result: CreateResult, out: Output): void {
  for (const file of result.files) {
    out.stdout(`  ${file.action.padEnd(9)} ${file.path}\n`);
    if (file.diff !== undefined && file.diff !== "") out.stdout(indent(file.diff));
  }
}

/** A diff or an output shown under its file line, six columns in. */
export function indent(text: string): string {
  return `${text
    .trimEnd()
    .split("\n")
    .map((line) => `      ${line}`)
    .join("\n")}\n`;
}

function printRecovered(result: CreateResult, out: Output): void {
  const recovered = result.recovered;
  if (recovered === undefined) return;
  out.stdout(
    `Restored ${String(recovered.restored.length)} files an interrupted earlier run had changed.\n`,
  );
  if (recovered.kept.length > 0) {
    out.stdout(`  changed since, left as they are: ${recovered.kept.join(", ")}\n`);
  }
}

function printConflicts(result: CreateResult, out: Output): void {
  const conflicts = result.files.filter((file) => file.action === "conflict");
  for (const file of conflicts) {
    out.stdout(`  ${file.action.padEnd(9)} ${file.path}\n${indent(file.diff ?? "")}`);
  }
  out.stderr(
    `error: ${String(conflicts.length)} existing files differ from what create-litclaude writes: ${conflicts.map((file) => file.path).join(", ")}\n` +
      "  fix: move them away, or pass --force to overwrite them (a .litclaude-backup copy of each is kept); nothing was written\n",
  );
}

function printDryRun(result: CreateResult, out: Output): void {
  printFiles(result, out);
  for (const task of result.tasks) out.stdout(`  ${"task".padEnd(9)} ${task.command}\n`);
  const verb = result.ok ? "would be written" : "would be planned, with conflicts,";
  out.stdout(
    `Dry run: ${String(result.files.length)} files ${verb} to ${result.target}; nothing was written.\n`,
  );
}

export function printCreateResult(
  result: CreateResult,
  out: Output,
  equivalent: string | undefined,
): void {
  printRecovered(result, out);
  if (result.dryRun) {
    printDryRun(result, out);
    return;
  }
  if (result.files.some((file) => file.action === "conflict")) {
    printConflicts(result, out);
    return;
  }
  for (const task of result.tasks) out.stdout(describeTask(task));
  if (result.backups.length > 0) {
    out.stdout(`Kept the files --force replaced as: ${result.backups.join(", ")}\n`);
  }
  if (result.resume !== undefined) {
    out.stdout(`\nStopped: the project's files are complete. To finish:\n  ${result.resume}\n`);
  } else if (result.ok) {
    out.stdout(`\nNext steps:\n${result.nextSteps.map((step) => `  ${step}`).join("\n")}\n`);
  }
  if (equivalent !== undefined) out.stdout(`\nTo do the same without prompts:\n  ${equivalent}\n`);
}

export function printError(error: LitError, out: Output): void {
  const where =
    error.location === undefined
      ? ""
      : `  at ${error.location.file}${error.location.line === undefined ? "" : `:${String(error.location.line)}${error.location.column === undefined ? "" : `:${String(error.location.column)}`}`}\n`;
  const hint = error.hint === undefined ? "" : `  fix: ${error.hint}\n`;
  // A cancellation is the user's own doing, not an error: said once, plainly.
  const prefix = error.kind === "cancelled" ? "" : "error: ";
  out.stderr(`${prefix}${error.message}\n${where}${hint}`);
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
      column: error.location?.column,
    },
  };
}
