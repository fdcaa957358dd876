import { ANSWERS_PATH, type TemplateRecord } from "../core/answers.js";
import { LitError, usageError } from "../core/errors.js";
import { folderExists } from "../core/fs-probe.js";
import type { Language } from "../core/options.js";
import type { TemplateUse } from "../template/apply-template.js";
import type { GivenAnswer } from "../template/answers-input.js";
import type { AskQuestion } from "../template/questions.js";
import type { FetchOptions } from "../template-source/index.js";

/** How update fetches a team template again: the ref to pick, the cache only, new answers. */
export interface TemplateUpdateOptions {
  /** `--template-ref REF`: the template's ref to update to (default: see targetSpec). */
  readonly ref?: string | undefined;
  readonly offline?: boolean;
  /** `--answer template.K=V` (or an unprefixed key no built-in answer has), as K=V. */
  readonly answers?: readonly string[];
  /** Asks a question the new version adds (interactive runs); else its default. */
  readonly ask?: AskQuestion | undefined;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly signal?: AbortSignal;
}

const RUNS_NO_TASKS = "update runs no post-create tasks";

/**
 * The spec to fetch: a local folder at its recorded path; `--template-ref` when given; else, when
 * the recorded ref is a tag, the newest version tag (a pre-release only from a pre-release);
 * else the recorded ref (or the default branch) as it is now.
 */
async function targetSpec(
  record: TemplateRecord,
  at: string,
  ref: string | undefined,
  options: FetchOptions,
): Promise<string> {
  if (record.kind === "local") {
    if (ref !== undefined) {
      throw usageError(
        `--template-ref ${ref}: the template ${record.name} is the local folder ${record.source}, which has no refs to pick`,
        "check out the version you want in that folder, then run update without --template-ref",
      );
    }
    if (!(await folderExists(record.source))) {
      throw usageError(
        `the template ${record.name} was read from ${record.source}, which is gone`,
        `put the template back there, or set ${at}.source in ${ANSWERS_PATH} to the folder it is in now; nothing was written`,
      );
    }
    return record.source;
  }
  if (ref !== undefined) return `${record.source}#${ref}`;
  if (record.ref === undefined) return record.source;
  const { listTemplateRefs, newestTag } = await import("../template-source/index.js");
  const listing = await listTemplateRefs(record.source, options);
  const wasTag = listing.refs.some((item) => item.kind === "tag" && item.name === record.ref);
  const newest = wasTag ? newestTag(listing, { prereleases: record.ref.includes("-") }) : undefined;
  return `${record.source}#${newest?.name ?? record.ref}`;
}

/** The flags meant for this template (its question ids), the rest left for another one. */
function flagsFor(
  flags: readonly string[],
  ids: ReadonlySet<string>,
  used: Set<string>,
): readonly string[] {
  return flags.filter((flag) => {
    const key = flag.slice(0, Math.max(flag.indexOf("="), 0));
    if (!ids.has(key)) return false;
    used.add(flag);
    return true;
  });
}

/**
 * A recorded team template fetched again and checked, with its recorded answers (those its new
 * version still asks), the `--answer` flags over them, and new questions asked or defaulted.
 * Its post-create tasks are never run by update.
 */
export async function reloadTemplate(
  record: TemplateRecord,
  index: number,
  /** The baseline it layers over, or "none" for a template that stands alone. */
  lang: Language | "none",
  options: TemplateUpdateOptions & { readonly cwd: string },
  used: Set<string>,
): Promise<TemplateUse> {
  const at = `templates[${String(index)}]`;
  const fetchOptions: FetchOptions = {
    cwd: options.cwd,
    env: options.env ?? process.env,
    offline: options.offline ?? false,
    signal: options.signal ?? new AbortController().signal,
  };
  const spec = await targetSpec(record, at, options.ref, fetchOptions);
  const { loadTemplate } = await import("../template/load.js");
  const loaded = await loadTemplate(spec, fetchOptions);
  const base = loaded.manifest.extends;
  const layersOver = base === "none" ? "none" : base.lang;
  if (layersOver !== lang) {
    throw usageError(
      `the template ${record.name} at ${spec} no longer extends ${lang} (it extends ${layersOver})`,
      "pick a version that does with --template-ref REF; nothing was written",
    );
  }
  const questions = loaded.manifest.questions ?? [];
  const ids = new Set(questions.map((question) => question.id));
  const { combineAnswers, parseAnswerFlags } = await import("../template/answers-input.js");
  const { resolveAnswers } = await import("../template/questions.js");
  const recorded = new Map<string, GivenAnswer>();
  for (const [key, value] of Object.entries(record.answers)) {
    if (ids.has(key)) recorded.set(key, { value, from: `${ANSWERS_PATH}: ${at}.answers.${key}` });
  }
  const given = combineAnswers(
    recorded,
    parseAnswerFlags(flagsFor(options.answers ?? [], ids, used)),
  );
  const ask = options.ask;
  const answers = await resolveAnswers(
    questions,
    given,
    ask === undefined ? undefined : async (question) => ask(question),
  ).catch((error: unknown) => {
    throw withTemplateFlag(error);
  });
  return { loaded, answers, trusted: false, trustReason: RUNS_NO_TASKS };
}

/** resolveAnswers names `--answer K=...`; update's flag for a template answer is `template.K`. */
function withTemplateFlag(error: unknown): unknown {
  if (!(error instanceof LitError) || error.hint === undefined) return error;
  return new LitError(error.kind, error.message, {
    hint: error.hint.replace(/--answer (\S+=)/g, "--answer template.$1"),
    ...(error.location === undefined ? {} : { location: error.location }),
  });
}
