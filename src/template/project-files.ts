import { ANSWERS_PATH, answersFile, type TemplateRecord } from "../core/answers.js";
import type { ProjectFile } from "../core/files.js";
import type { CreateOptions } from "../core/options.js";
import type { RenderContext } from "../core/template-engine.js";
import { toolVersion } from "../core/version.js";
import { applyTemplate, type TemplateSummary, type TemplateUse } from "./apply-template.js";

/** The answers.json record of a template applied into `dir` ("." for the project root). */
export function templateRecord(summary: TemplateSummary, dir: string): TemplateRecord {
  const kind = summary.kind;
  const known = ["local", "git", "gh", "gitlab", "bitbucket"] as const;
  return {
    name: summary.name,
    source: summary.source,
    kind: known.find((candidate) => candidate === kind) ?? "local",
    ...(summary.ref === undefined ? {} : { ref: summary.ref }),
    ...(summary.commit === undefined ? {} : { commit: summary.commit }),
    ...(summary.subdir === undefined ? {} : { subdir: summary.subdir }),
    ...(summary.version === undefined ? {} : { version: summary.version }),
    dir,
    answers: summary.answers,
    files: summary.files.map((file) => file.path),
  };
}

/**
 * `create --template`: the team's files over the rendered baseline, and the answers file written
 * again with the template's record in it.
 */
export async function layerForCreate(
  use: TemplateUse,
  rendered: readonly ProjectFile[],
  context: RenderContext,
  options: CreateOptions,
): Promise<{ readonly files: readonly ProjectFile[]; readonly summary: TemplateSummary }> {
  const baseline = rendered.filter((file) => file.path !== ANSWERS_PATH);
  const { files, summary } = await applyTemplate(use, baseline, context, options.lang, "");
  return {
    files: [...files, answersFile(options, toolVersion(), [templateRecord(summary, ".")])],
    summary,
  };
}
