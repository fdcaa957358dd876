import { runTask, skippedTask, type TaskReporter, type TaskResult } from "../core/tasks.js";
import { taskLines, type TemplateUse } from "./apply-template.js";
import { UNTRUSTED } from "./tasks.js";

/**
 * `add --template`: the template's post-create tasks in the language's folder, in order, only
 * when trusted; after a failure the rest are skipped. Untrusted ones are listed as skipped.
 */
export async function runTemplateTasks(
  use: TemplateUse,
  cwd: string,
  reporter: TaskReporter,
  signal: AbortSignal | undefined,
): Promise<readonly TaskResult[]> {
  const tasks = use.loaded.manifest.tasks ?? [];
  const lines = taskLines(use);
  const results: TaskResult[] = [];
  for (const [index, task] of tasks.entries()) {
    const display = lines[index]?.command ?? "";
    if (!use.trusted) {
      results.push(skippedTask("template", display, UNTRUSTED));
    } else if (results.some((result) => result.status !== "done")) {
      results.push(skippedTask("template", display, "an earlier task failed"));
    } else {
      results.push(
        await runTask(
          {
            name: "template",
            title: `Running ${task.name} from template ${use.loaded.manifest.name}`,
            command: { cmd: task.run[0] ?? "", args: task.run.slice(1) },
            cwd,
          },
          reporter,
          signal,
        ),
      );
    }
  }
  return results;
}
