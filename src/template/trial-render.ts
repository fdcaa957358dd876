import { languageVars, renderContext } from "../core/create-project.js";
import type { CreateOptions } from "../core/options.js";
import type { FetchedTemplate } from "../template-source/types.js";
import { applyTemplate } from "./apply-template.js";
import type { CheckedTemplate } from "./load.js";
import { answerProblem } from "./manifest.js";
import type { AnswerValue, Question } from "./manifest-schema.js";
import { resolveAnswers } from "./questions.js";

/** An answer to try a question with: its default, else a value of its type. */
function sample(question: Question): AnswerValue | undefined {
  if (question.default !== undefined) return question.default;
  switch (question.type) {
    case "choice":
      return question.choices[0];
    case "boolean":
      return true;
    case "number":
      return question.min ?? question.max ?? 1;
    case "string":
      return answerProblem(question, "example") === undefined ? "example" : undefined;
  }
}

/**
 * `template check`: renders every team file once, with each question's default (or a sample)
 * and the variables of the baseline it extends, so an unknown variable or a path that renders
 * out of the project shows up before anyone uses the template. Writes nothing.
 * Returns the ids of questions it could not make up an answer for (none rendered then).
 */
export async function trialRender(
  checked: CheckedTemplate,
  dir: string,
): Promise<readonly string[]> {
  const base = checked.manifest.extends;
  const questions = checked.manifest.questions ?? [];
  const missing = questions
    .filter((question) => sample(question) === undefined)
    .map((question) => question.id);
  if (missing.length > 0) return missing;
  const given = new Map(
    questions.flatMap((question) => {
      const value = sample(question);
      return value === undefined
        ? []
        : [[question.id, { value, from: `the sample for ${question.id}` }] as const];
    }),
  );
  const answers = await resolveAnswers(questions, given, undefined);
  const fetched: FetchedTemplate = {
    dir,
    kind: "local",
    source: dir,
    ref: undefined,
    commit: undefined,
    subdir: undefined,
    fromCache: false,
  };
  const use = { loaded: { ...checked, fetched }, answers, trusted: false, trustReason: "" };
  if (base === "none") {
    const context = { name: "example-app", description: "", year: "2026", toolVersion: "0.0.0" };
    await applyTemplate(use, [], context, undefined);
    return [];
  }
  const options: CreateOptions = {
    targetDir: dir,
    name: "example-app",
    lang: base.lang,
    kind: base.kind ?? "cli",
    plugin: "none",
    git: false,
    install: false,
    verify: false,
    dryRun: true,
    force: false,
    packageManager: "npm",
  };
  await applyTemplate(use, [], renderContext(options, languageVars(options)), base.lang);
  return [];
}
