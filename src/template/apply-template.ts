import type { ProjectFile } from "../core/files.js";
import type { Language } from "../core/options.js";
import { builtinPartials } from "../core/layers.js";
import { loadEngine, type RenderContext } from "../core/template-engine.js";
import { commandLine } from "../core/tasks.js";
import { layerOver, type LayeredFile } from "./layer.js";
import type { LoadedTemplate } from "./load.js";
import type { AnswerValue } from "./manifest-schema.js";
import { recordedAnswers, type TemplateAnswers } from "./questions.js";
import { renderTeamFiles, teamSources } from "./render-team.js";
import { TEAM_HELPERS, answerContext } from "./safe-handlebars.js";
import type { Weakening } from "./weakening.js";

/** A loaded template with its answers, and whether its post-create tasks may run. */
export interface TemplateUse {
  readonly loaded: LoadedTemplate;
  readonly answers: TemplateAnswers;
  readonly trusted: boolean;
  /** Why the tasks may run (`--trust`, a remembered prefix, the consent screen), or not. */
  readonly trustReason: string;
}

/** What the summary and --json say about the template. */
export interface TemplateSummary {
  readonly name: string;
  readonly source: string;
  readonly kind: string;
  readonly ref: string | undefined;
  readonly commit: string | undefined;
  readonly subdir: string | undefined;
  readonly version: string | undefined;
  readonly answers: Readonly<Record<string, AnswerValue>>;
  readonly files: readonly LayeredFile[];
  /** Strict settings of the baseline the template turned down: allowed, never silent. */
  readonly weakened: readonly Weakening[];
  readonly tasks: readonly { readonly name: string; readonly command: string }[];
  readonly tasksRun: boolean;
  readonly trustReason: string;
}

/** Each post-create task as the command line shown in the consent screen and the report. */
export function taskLines(
  use: Pick<TemplateUse, "loaded">,
): readonly { readonly name: string; readonly command: string }[] {
  return (use.loaded.manifest.tasks ?? []).map((task) => ({
    name: task.name,
    command: commandLine({ cmd: task.run[0] ?? "", args: task.run.slice(1) }),
  }));
}

/**
 * Renders the team's files (the baseline's variables plus the answers) and lays them over the
 * baseline. `place` moves each team path where it goes in the project (add's --dir).
 */
export async function applyTemplate(
  use: TemplateUse,
  baseline: readonly ProjectFile[],
  context: RenderContext,
  /** The baseline's language, whose partials team files may use; undefined: none. */
  lang: Language | undefined,
  place: (path: string) => string = (path) => path,
  sectionId = "template",
): Promise<{ readonly files: readonly ProjectFile[]; readonly summary: TemplateSummary }> {
  const { loaded } = use;
  const engine = await loadEngine(
    teamSources(loaded.selected).map((item) => item.source),
    lang === undefined ? {} : await builtinPartials(lang),
    {},
    TEAM_HELPERS,
  );
  const team = renderTeamFiles(
    loaded.selected,
    engine,
    { ...context, ...answerContext(use.answers) },
    `template ${loaded.manifest.name}`,
    "",
  ).map((file) => ({ ...file, path: place(file.path) }));
  const layered = await layerOver(baseline, team, sectionId);
  const { fetched, manifest } = loaded;
  return {
    files: layered.files,
    summary: {
      name: manifest.name,
      source: fetched.source,
      kind: fetched.kind,
      ref: fetched.ref,
      commit: fetched.commit,
      subdir: fetched.subdir,
      version: manifest.version,
      answers: recordedAnswers(use.answers),
      files: layered.teamFiles,
      weakened: layered.weakened,
      tasks: taskLines(use),
      tasksRun: use.trusted,
      trustReason: use.trustReason,
    },
  };
}
