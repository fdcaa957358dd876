import { usageError } from "../core/errors.js";
import type { Kind, Language } from "../core/options.js";
import { shellLine } from "../core/shell-words.js";
import type { TemplateUse } from "../template/apply-template.js";
import type { LoadedTemplate } from "../template/load.js";
import { UNTRUSTED } from "../template/tasks.js";
import type { Flags } from "./args.js";
import type { CommandContext } from "./create.js";

/** `--answer`, `--answers-file`, `--trust` and `--offline` mean nothing without `--template`. */
export function refuseTemplateFlagsAlone(flags: Flags): void {
  const alone: readonly [boolean, string][] = [
    [flags.answer.length > 0, "--answer"],
    [flags.answersFile !== undefined, "--answers-file"],
    [flags.trust, "--trust"],
    [flags.offline, "--offline"],
  ];
  const given = alone.find(([set]) => set);
  if (flags.template === undefined && given !== undefined) {
    throw usageError(
      `${given[1]} applies to a team template`,
      "pass --template SRC with it, or drop it",
    );
  }
}

/** Fetches and checks the template before any prompt or file: a refusal comes first. */
export async function loadFlagTemplate(
  flags: Flags,
  context: CommandContext,
): Promise<LoadedTemplate | undefined> {
  refuseTemplateFlagsAlone(flags);
  if (flags.template === undefined) return undefined;
  // Loaded only for a template: a plain create never pays for the manifest's parsers.
  const { loadTemplate } = await import("../template/load.js");
  return loadTemplate(flags.template, {
    cwd: context.cwd,
    env: context.env,
    offline: flags.offline,
    signal: context.signal,
  });
}

/** The language and kind the template layers over, checked against the flags. */
export function extendedBase(
  loaded: LoadedTemplate,
  lang: Language | undefined,
  kind: string | undefined,
): { readonly lang: Language; readonly kind: Kind | undefined } {
  const base = loaded.manifest.extends;
  const name = loaded.manifest.name;
  if (base === "none") {
    throw usageError(
      `template ${name} extends no built-in baseline ("extends": "none"): add brings in a language, and this template has none`,
      'use it with create, or set "extends": {"lang": ..., "kind": ...} in its litclaude.template.json',
    );
  }
  if (lang !== undefined && lang !== base.lang) {
    throw usageError(
      `template ${name} layers over ${base.lang}, not ${lang}`,
      `drop --lang, or pass --lang ${base.lang}`,
    );
  }
  if (kind !== undefined && base.kind !== undefined && kind !== base.kind) {
    throw usageError(
      `template ${name} layers over a ${base.kind}, not a ${kind}`,
      `drop --kind, or pass --kind ${base.kind}`,
    );
  }
  return { lang: base.lang, kind: base.kind };
}

async function trustFor(
  loaded: LoadedTemplate,
  flags: Flags,
  context: CommandContext,
): Promise<{ readonly trusted: boolean; readonly reason: string }> {
  const commands = (loaded.manifest.tasks ?? []).map((task) => shellLine(task.run));
  if (commands.length === 0)
    return { trusted: false, reason: "the template has no post-create tasks" };
  const { isTrusted, readUserConfig, rememberTrust, trustPrefix, userConfigPath } =
    await import("../template/trust.js");
  const source = loaded.fetched.source;
  const where = userConfigPath(context.env);
  if (flags.trust) {
    if (flags.dryRun) return { trusted: true, reason: "--trust" };
    const prefix = await rememberTrust(source, context.env);
    return { trusted: true, reason: `--trust (remembered for ${prefix} in ${where})` };
  }
  const remembered = isTrusted(source, await readUserConfig(context.env));
  if (remembered !== undefined) {
    return { trusted: true, reason: `the source ${remembered} is trusted in ${where}` };
  }
  if (!context.interactive) return { trusted: false, reason: UNTRUSTED };
  const { askTaskConsent } = await import("./template-prompts.js");
  const prefix = trustPrefix(source);
  const consent = await askTaskConsent(loaded.manifest.name, source, prefix, commands);
  if (consent === "no")
    return { trusted: false, reason: "not run: declined at the consent screen" };
  if (consent === "always" && !flags.dryRun) await rememberTrust(source, context.env);
  return {
    trusted: true,
    reason:
      consent === "always"
        ? `trusted ${prefix} at the consent screen`
        : "allowed once at the consent screen",
  };
}

/** The template's answers (flags and file first, prompts when interactive) and its trust. */
export async function templateUse(
  loaded: LoadedTemplate,
  flags: Flags,
  context: CommandContext,
): Promise<TemplateUse> {
  const { combineAnswers, parseAnswerFlags, readAnswersFile } =
    await import("../template/answers-input.js");
  const { resolveAnswers } = await import("../template/questions.js");
  const fromFile =
    flags.answersFile === undefined
      ? new Map()
      : await readAnswersFile(flags.answersFile, context.cwd);
  const given = combineAnswers(fromFile, parseAnswerFlags(flags.answer));
  const ask = context.interactive
    ? (await import("./template-prompts.js")).askTemplateQuestion
    : undefined;
  const answers = await resolveAnswers(loaded.manifest.questions ?? [], given, ask);
  const trust = await trustFor(loaded, flags, context);
  return { loaded, answers, trusted: trust.trusted, trustReason: trust.reason };
}

/** `--template SRC --answer k=v ...`, for the command that repeats an interactive run. */
export function templateWords(use: TemplateUse, flags: Flags): readonly string[] {
  const words = ["--template", flags.template ?? use.loaded.fetched.source];
  for (const [key, value] of Object.entries(use.answers)) {
    if (value !== undefined) words.push("--answer", `${key}=${String(value)}`);
  }
  if (use.trusted && (use.loaded.manifest.tasks ?? []).length > 0) words.push("--trust");
  return words;
}
