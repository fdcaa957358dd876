import type { PlannedTask } from "../core/create-tasks.js";
import { taskLines, type TemplateUse } from "./apply-template.js";

export const UNTRUSTED =
  "not run: the template is not trusted (pass --trust, or trust its source in the user config)";

/** The team template's post-create tasks, placed after install and before the first commit. */
export function withTemplateTasks(
  planned: readonly PlannedTask[],
  use: TemplateUse | undefined,
): readonly PlannedTask[] {
  if (use === undefined) return planned;
  const commands = use.loaded.manifest.tasks ?? [];
  const lines = taskLines(use);
  const team: PlannedTask[] = commands.map((task, index) => ({
    name: "template",
    title: `Running ${task.name} from template ${use.loaded.manifest.name}`,
    commands: [{ cmd: task.run[0] ?? "", args: task.run.slice(1) }],
    display: lines[index]?.command ?? "",
    ...(use.trusted ? {} : { skipReason: UNTRUSTED }),
  }));
  const at = planned.findIndex((task) => task.name === "git");
  const cut = at === -1 ? planned.length : at;
  return [...planned.slice(0, cut), ...team, ...planned.slice(cut)];
}
