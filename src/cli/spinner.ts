import type { TaskReporter, TaskResult, TaskStatus } from "../core/tasks.js";

const FRAMES = ["◒", "◐", "◓", "◑"];
const FRAME_MS = 80;

const MARKS: Readonly<Record<TaskStatus, string>> = {
  done: "✔",
  failed: "✖",
  interrupted: "■",
  skipped: "○",
  planned: "○",
};

/** A task that did its job only in part (git staged but could not commit) is done with a reason. */
export function isWarning(result: TaskResult): boolean {
  return result.status === "done" && result.reason !== undefined;
}

export function statusMark(result: TaskResult): string {
  return isWarning(result) ? "▲" : MARKS[result.status];
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

const GREEN = "\u001b[32m";
const RED = "\u001b[31m";
const YELLOW = "\u001b[33m";
const RESET = "\u001b[39m";

function coloured(result: TaskResult): string {
  const colour =
    result.status === "failed"
      ? RED
      : result.status === "done" && !isWarning(result)
        ? GREEN
        : YELLOW;
  return `${colour}${statusMark(result)}${RESET}`;
}

/**
 * A spinner per task for terminals. Unlike clack's, it never puts stdin in raw mode, so Ctrl-C
 * stays a real SIGINT that stops the running task and reaches the run's own handler.
 */
export function spinnerReporter(write: (text: string) => void): TaskReporter {
  let timer: NodeJS.Timeout | undefined;
  const clear = (): void => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    write("\r\u001b[2K");
  };
  return {
    start: (title) => {
      let frame = 0;
      clear();
      write(`${FRAMES[0] ?? ""}  ${title}`);
      timer = setInterval(() => {
        frame = (frame + 1) % FRAMES.length;
        write(`\r${FRAMES[frame] ?? ""}  ${title}`);
      }, FRAME_MS);
      timer.unref();
    },
    finish: (title, result) => {
      clear();
      write(`${coloured(result)}  ${title} (${seconds(result.durationMs)})\n`);
    },
  };
}
