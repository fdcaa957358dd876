import { basename } from "node:path";
import type { TemplateRecord } from "../core/answers.js";
import type { ProjectFile } from "../core/files.js";
import { reloadTemplate, type TemplateUpdateOptions } from "./template-reload.js";

/**
 * A project a template that `"extends": "none"` made: only the team's files, rendered again the
 * way `create --template` did, with the recorded answers.
 */
export async function renderStandalone(
  repoDir: string,
  team: { readonly index: number; readonly record: TemplateRecord },
  run: {
    readonly options: TemplateUpdateOptions;
    readonly used: Set<string>;
    readonly records: Map<number, TemplateRecord>;
  },
): Promise<readonly ProjectFile[]> {
  const use = await reloadTemplate(
    team.record,
    team.index,
    "none",
    { ...run.options, cwd: repoDir },
    run.used,
  );
  const name = team.record.projectName ?? basename(repoDir);
  const { applyTemplate } = await import("../template/apply-template.js");
  const { templateRecord } = await import("../template/project-files.js");
  const { standaloneContext } = await import("../template/create-standalone.js");
  const { files, summary } = await applyTemplate(use, [], standaloneContext(name, use), undefined);
  run.records.set(team.index, { ...templateRecord(summary, "."), projectName: name });
  return files;
}
