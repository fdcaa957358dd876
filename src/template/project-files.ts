import { ANSWERS_PATH, answersFile, type TemplateRecord } from "../core/answers.js";
import type { ProjectFile } from "../core/files.js";
import type { CreateOptions, Language } from "../core/options.js";
import type { RenderContext } from "../core/template-engine.js";
import { toolVersion } from "../core/version.js";
import { silentReporter, type TaskResult } from "../core/tasks.js";
import { join } from "node:path";
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
  const { files, summary } = await applyTemplate(use, baseline, context, options.lang);
  return {
    files: [...files, answersFile(options, toolVersion(), [templateRecord(summary, ".")])],
    summary,
  };
}

/** Team files that stay at the repository root in `add`, as the language's own do. */
function addPlace(lang: string, dir: string): (path: string) => string {
  return (path) => {
    if (dir === ".") return path === "scripts/check" ? `scripts/check-${lang}` : path;
    if (path === "AGENTS.md" || path === "CLAUDE.md" || path === ".editorconfig") return path;
    if (path.startsWith(".github/") || path.startsWith(".claude/")) return path;
    return `${dir}/${path}`;
  };
}

function withRecord(file: ProjectFile, record: TemplateRecord): ProjectFile {
  const text =
    typeof file.content === "string" ? file.content : new TextDecoder().decode(file.content);
  const value: unknown = JSON.parse(text);
  const base = typeof value === "object" && value !== null ? value : {};
  return { ...file, content: `${JSON.stringify({ ...base, templates: [record] }, null, 2)}\n` };
}

/**
 * `add --template`: the team's files over the laid-out language (under --dir, its AGENTS.md as a
 * section of the root one), and the template recorded in the answers file add writes.
 */
export async function layerForAdd(
  use: TemplateUse,
  laidOut: readonly ProjectFile[],
  context: RenderContext,
  /** `dir`: the language's folder, normalised (`.` for the root). */
  where: { readonly lang: Language; readonly dir: string; readonly repoDir: string },
): Promise<{
  readonly files: readonly ProjectFile[];
  readonly summary: TemplateSummary;
  /** Runs the template's tasks (when trusted) in the language's folder, after apply. */
  readonly runTasks: (signal: AbortSignal | undefined) => Promise<readonly TaskResult[]>;
}> {
  const { lang } = where;
  const { dir } = where;
  const baseline = laidOut.filter((file) => file.path !== ANSWERS_PATH);
  const section = dir === "." ? `template/${lang}` : `template/${lang}/${dir}`;
  const { files, summary } = await applyTemplate(
    use,
    baseline,
    context,
    lang,
    addPlace(lang, dir),
    section,
  );
  const answers = laidOut.find((file) => file.path === ANSWERS_PATH);
  const record = templateRecord(summary, dir);
  return {
    files: answers === undefined ? files : [...files, withRecord(answers, record)],
    summary,
    runTasks: async (signal) =>
      (await import("./run-tasks.js")).runTemplateTasks(
        use,
        join(where.repoDir, dir),
        silentReporter,
        signal,
      ),
  };
}
