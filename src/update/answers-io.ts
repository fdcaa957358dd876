import { ANSWERS_PATH, type Answers, type LanguageEntry } from "../core/answers.js";
import { readAnswersIfPresent } from "../core/answers-read.js";
import { LitError, usageError } from "../core/errors.js";
import { KINDS, PLUGIN_MODES } from "../core/options.js";

const HINT =
  "run update in the root of a project create-litclaude made or added to; nothing was written";

/** The answers file of the project; a missing or damaged one is exit 2 naming the file. */
export async function readProjectAnswers(repoDir: string): Promise<Answers> {
  const answers = await readAnswersIfPresent(
    repoDir,
    "fix it (git diff shows what changed) and run again; nothing was written",
  );
  if (answers !== undefined) return answers;
  throw new LitError("usage", `no ${ANSWERS_PATH} here: not a create-litclaude project`, {
    hint: HINT,
  });
}

type ProjectAnswers = NonNullable<Answers["answers"]>;

const KEYS = ["name", "kind", "module", "plugin", "marketplace"] as const;
type Key = (typeof KEYS)[number];

function keyOf(raw: string): Key {
  const key = KEYS.find((candidate) => candidate === raw);
  if (key !== undefined) return key;
  throw usageError(`--answer ${raw}: no such answer`, `the answers are: ${KEYS.join(", ")}`);
}

function changed(answers: ProjectAnswers, key: Key, value: string): ProjectAnswers {
  if (key === "kind") {
    const kind = KINDS.find((candidate) => candidate === value);
    if (kind === undefined)
      throw usageError(
        `--answer kind=${value}: kind is one of ${KINDS.join(", ")}`,
        "e.g. --answer kind=lib",
      );
    return { ...answers, kind };
  }
  if (key === "plugin") {
    const plugin = PLUGIN_MODES.find((candidate) => candidate === value);
    if (plugin === undefined) {
      throw usageError(
        `--answer plugin=${value}: plugin is one of ${PLUGIN_MODES.join(", ")}`,
        "e.g. --answer plugin=none",
      );
    }
    return { ...answers, plugin };
  }
  return { ...answers, [key]: value };
}

/** Parses `key=value` or `<lang>.key=value` (for a language `add` brought in). */
export function parseAnswerFlag(flag: string): {
  lang: string | undefined;
  key: Key;
  value: string;
} {
  const at = flag.indexOf("=");
  if (at <= 0) throw usageError(`--answer ${flag}: expected key=value`, "e.g. --answer kind=cli");
  const left = flag.slice(0, at);
  const dot = left.indexOf(".");
  return {
    lang: dot === -1 ? undefined : left.slice(0, dot),
    key: keyOf(dot === -1 ? left : left.slice(dot + 1)),
    value: flag.slice(at + 1),
  };
}

/** The answers with the `--answer` changes made: the created project's, or a language's. */
export function withChangedAnswers(answers: Answers, flags: readonly string[]): Answers {
  let next = answers;
  for (const flag of flags) {
    const { lang, key, value } = parseAnswerFlag(flag);
    const made = next.answers;
    if (lang === undefined && made !== undefined) {
      next = { ...next, answers: changed(made, key, value) };
      continue;
    }
    const languages = next.languages ?? [];
    const matching = languages.filter((entry) => lang === undefined || entry.lang === lang);
    if (matching.length !== 1) {
      throw usageError(
        `--answer ${flag}: ${matching.length === 0 ? "no such language here" : "more than one language; say which"}`,
        `prefix the key with the language: --answer ${languages[0]?.lang ?? "ts"}.${key}=${value}`,
      );
    }
    const update = (entry: LanguageEntry): LanguageEntry => {
      const answered = changed(entry.answers, key, value);
      return { ...entry, kind: answered.kind, answers: answered };
    };
    next = {
      ...next,
      languages: languages.map((entry) => (matching.includes(entry) ? update(entry) : entry)),
    };
  }
  return next;
}

const TEMPLATE_PREFIX = "template.";

/**
 * `--answer` flags split between the built-in answers and the team templates': `template.K=V`
 * is a template's; so is an unprefixed key no built-in answer has, when a template is recorded.
 */
export function splitAnswerFlags(
  flags: readonly string[],
  hasTemplates: boolean,
): { readonly builtin: readonly string[]; readonly template: readonly string[] } {
  const builtin: string[] = [];
  const template: string[] = [];
  for (const flag of flags) {
    if (flag.startsWith(TEMPLATE_PREFIX)) {
      template.push(flag.slice(TEMPLATE_PREFIX.length));
      continue;
    }
    const left = flag.slice(0, Math.max(flag.indexOf("="), 0));
    const key = left.slice(left.indexOf(".") + 1);
    const known = KEYS.some((candidate) => candidate === key);
    (known || !hasTemplates ? builtin : template).push(flag);
  }
  return { builtin, template };
}
