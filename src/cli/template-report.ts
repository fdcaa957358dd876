import type { TaskResult } from "../core/tasks.js";
import type { TemplateSummary } from "../template/apply-template.js";
import type { Output } from "./output.js";

/** The template's part of the summary: what it wrote, what it turned down, what did not run. */
export function printTemplateSummary(summary: TemplateSummary | undefined, out: Output): void {
  if (summary === undefined) return;
  const count = (action: string): number =>
    summary.files.filter((file) => file.action === action).length;
  const commit = summary.commit === undefined ? "" : ` at ${summary.commit.slice(0, 12)}`;
  out.stdout(
    `Template ${summary.name} (${summary.source}${commit}): ${String(count("added"))} added, ${String(count("merged"))} merged with ours, ${String(count("replaced"))} replacing ours\n`,
  );
  if (summary.weakened.length > 0) {
    out.stdout(
      `▲ the template weakens the strict baseline (${String(summary.weakened.length)}):\n`,
    );
    for (const item of summary.weakened) {
      const was = item.baseline === "" ? "" : `${item.baseline} -> `;
      out.stdout(`    ${item.file}: ${item.setting} ${was}${item.now}\n`);
    }
  }
  if (summary.tasks.length > 0 && !summary.tasksRun) {
    out.stdout(`Template tasks ${summary.trustReason}:\n`);
    for (const task of summary.tasks) out.stdout(`    $ ${task.command}\n`);
  }
}

/** `add`'s template tasks that ran, and how each ended. */
export function printTemplateTasks(tasks: readonly TaskResult[] | undefined, out: Output): void {
  for (const task of tasks ?? []) {
    if (task.status === "skipped") continue;
    out.stdout(`  ${task.status.padEnd(9)} $ ${task.command}\n`);
    if (task.status === "failed")
      out.stdout(`${task.output.trimEnd()}\n  rerun it with: ${task.command}\n`);
  }
}
