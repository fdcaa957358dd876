import { relative } from "node:path";
import { ANSWERS_PATH, answersSchema } from "../core/answers.js";
import type { CreateHooks, CreateResult } from "../core/create-project.js";
import { gitTask, type TaskOptions } from "../core/create-tasks.js";
import { writeAndRunTasks } from "../core/create-write.js";
import { baseSnapshotFile } from "../update/snapshot.js";
import { assertPathLengths, nearestExistingFolder } from "../core/path-checks.js";
import { shellLine } from "../core/shell-words.js";
import { assertTargetAccepts } from "../core/target.js";
import { toolVersion } from "../core/version.js";
import type { RenderContext } from "../core/template-engine.js";
import { applyTemplate, type TemplateUse } from "./apply-template.js";
import { templateRecord } from "./project-files.js";
import { withTemplateTasks } from "./tasks.js";

export interface StandaloneOptions extends TaskOptions {
  readonly name: string;
  readonly dryRun: boolean;
  readonly force: boolean;
}

/** What a standalone template's files render with: no baseline, so only the project's own. */
export function standaloneContext(name: string, use: TemplateUse): RenderContext {
  return {
    name,
    description: use.loaded.manifest.description ?? "",
    year: String(new Date().getFullYear()),
    toolVersion: toolVersion(),
  };
}

/**
 * `create --template` for a template that `"extends": "none"`: only the team's files (and the
 * answers record), written by the same all-or-nothing writer, then its tasks and the commit.
 */
export async function createStandalone(
  use: TemplateUse,
  options: StandaloneOptions,
  hooks: Omit<CreateHooks, "template"> = {},
): Promise<CreateResult> {
  const shown = relative(hooks.cwd ?? process.cwd(), options.targetDir) || ".";
  assertPathLengths(options.targetDir, []);
  await nearestExistingFolder(options.targetDir);
  await assertTargetAccepts(options.targetDir, shown);
  const context = standaloneContext(options.name, use);
  const { files: team, summary } = await applyTemplate(use, [], context, undefined);
  const answers = answersSchema.parse({
    generator: "create-litclaude",
    version: toolVersion(),
    templates: [{ ...templateRecord(summary, "."), projectName: options.name }],
  });
  const files = [
    ...team,
    { path: ANSWERS_PATH, content: `${JSON.stringify(answers, null, 2)}\n`, executable: false },
    // What update merges against later, as for a project on the baseline.
    baseSnapshotFile(team),
  ];
  assertPathLengths(
    options.targetDir,
    files.map((file) => file.path),
  );
  const tasks = withTemplateTasks([gitTask()], use);
  const base = {
    command: "create",
    target: options.targetDir,
    nextSteps: shown === "." ? [] : [`cd ${shellLine([shown])}`],
    template: summary,
  } as const;
  return writeAndRunTasks({ options, files, tasks, base, shown, hooks });
}
