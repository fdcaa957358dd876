import type { CommandSpec } from "../lang/types.js";
import { shellLine } from "./shell-words.js";

/**
 * `interrupted`: a signal stopped it (the child was killed); `skipped`: it never started;
 * `planned`: a dry run's, it would run.
 */
export type TaskStatus = "done" | "failed" | "skipped" | "interrupted" | "planned";

/** A side effect after the files are written: run with no shell, output kept for the report. */
export interface Task {
  readonly name: string;
  readonly title: string;
  readonly command: CommandSpec;
  readonly cwd: string;
}

export interface TaskResult {
  readonly name: string;
  readonly command: string;
  readonly status: TaskStatus;
  readonly durationMs: number;
  readonly output: string;
  readonly reason: string | undefined;
}

/** Shows progress; the CLI gives a spinner in a terminal, plain lines elsewhere, nothing for --json. */
export interface TaskReporter {
  readonly start: (title: string) => void;
  readonly finish: (title: string, result: TaskResult) => void;
}

export const silentReporter: TaskReporter = { start: () => undefined, finish: () => undefined };

export function commandLine(command: CommandSpec): string {
  return shellLine([command.cmd, ...command.args]);
}

export function skippedTask(name: string, command: string, reason: string): TaskResult {
  return { name, command, status: "skipped", durationMs: 0, output: "", reason };
}

function interruptedReason(signal: AbortSignal | undefined): string {
  const reason: unknown = signal?.reason;
  return typeof reason === "string" ? `stopped by ${reason}` : "stopped";
}

const FORCE_KILL_AFTER_MS = 3000;

/** SIGTERM to a task's whole process group, then SIGKILL to whatever ignores it. */
export function stopGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  const send = (name: NodeJS.Signals): void => {
    try {
      process.kill(-pid, name);
    } catch (error: unknown) {
      // ESRCH: the group is gone already, which is what we want.
      if (!(error instanceof Error)) throw error;
    }
  };
  send("SIGTERM");
  setTimeout(() => {
    send("SIGKILL");
  }, FORCE_KILL_AFTER_MS).unref();
}

/** Runs one task; never throws for a failing command, only reports it. */
export async function runTask(
  task: Task,
  reporter: TaskReporter,
  signal?: AbortSignal,
): Promise<TaskResult> {
  const { execa } = await import("execa");
  reporter.start(task.title);
  const started = performance.now();
  // Its own process group, so a stop reaches what it started too (a gate's linters, an
  // installer's scripts), not only the command itself.
  const subprocess = execa(task.command.cmd, [...task.command.args], {
    cwd: task.cwd,
    all: true,
    reject: false,
    stdin: "ignore",
    detached: true,
  });
  const stop = (): void => {
    stopGroup(subprocess.pid);
  };
  if (signal?.aborted === true) stop();
  signal?.addEventListener("abort", stop, { once: true });
  const run = await subprocess;
  signal?.removeEventListener("abort", stop);
  const interrupted = signal?.aborted === true;
  const result: TaskResult = {
    name: task.name,
    command: commandLine(task.command),
    status: interrupted ? "interrupted" : run.failed ? "failed" : "done",
    durationMs: Math.round(performance.now() - started),
    output: typeof run.all === "string" ? run.all : "",
    reason: interrupted ? interruptedReason(signal) : run.failed ? run.shortMessage : undefined,
  };
  reporter.finish(task.title, result);
  return result;
}
