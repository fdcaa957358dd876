import { cancelled } from "../core/errors.js";
import { shellLine } from "../core/shell-words.js";
import { asked, defaultOf } from "../gen/answers.js";
import { detectProject } from "../gen/detect.js";
import { findGenerator } from "../gen/list.js";
import { loadGenerators } from "../gen/load-generators.js";
import { itemNameRule } from "../gen/names.js";
import { isCallable, type Prompt } from "../gen/plop-api.js";
import type { LanguageId } from "../lang/types.js";

export interface GenQuestion {
  readonly dir: string;
  readonly lang: LanguageId | undefined;
  readonly generator: string;
  readonly name: string | undefined;
  readonly answers: ReadonlyMap<string, string>;
}

export interface GenAsked {
  readonly name: string | undefined;
  readonly answers: ReadonlyMap<string, string>;
}

function ruleOf(prompt: Prompt, value: string): string | undefined {
  if (!isCallable(prompt.validate)) return undefined;
  const verdict: unknown = prompt.validate(value, {});
  if (verdict === true) return undefined;
  return typeof verdict === "string" ? verdict : "that answer is not accepted";
}

/**
 * In a terminal, asks with clack for what the flags left open (the name included), in the
 * generator's own order and `when` conditions. The answers become flags, so what follows runs
 * exactly as the printed non-interactive command would.
 */
export async function askGenAnswers(question: GenQuestion): Promise<GenAsked> {
  const clack = await import("@clack/prompts");
  const project = await detectProject(question.dir, question.lang);
  const generator = findGenerator(
    await loadGenerators(project.lang, question.dir),
    question.generator,
    project,
  );
  const given = new Map(question.answers);
  let name = question.name;
  const sofar = (): Record<string, unknown> => ({ ...Object.fromEntries(given), name });
  const text = (value: string | symbol): string => {
    if (typeof value === "symbol") throw cancelled();
    return value;
  };
  for (const prompt of generator.prompts) {
    if (prompt.name === "name") {
      name ??= text(
        await clack.text({
          message: prompt.message,
          validate: (value) => itemNameRule(project.lang, value ?? ""),
        }),
      );
      continue;
    }
    if (given.has(prompt.name) || !asked(prompt, sofar())) continue;
    const fallback = defaultOf(prompt, sofar());
    if (prompt.type === "confirm") {
      const yes = await clack.confirm({
        message: prompt.message,
        initialValue: fallback === true,
      });
      if (typeof yes === "symbol") throw cancelled();
      given.set(prompt.name, yes ? "yes" : "no");
    } else if (prompt.type === "list" && prompt.choices !== undefined) {
      const choice = await clack.select({
        message: prompt.message,
        options: prompt.choices.map((value) => ({ value, label: value })),
      });
      given.set(prompt.name, text(choice));
    } else {
      const answer = await clack.text({
        message: prompt.message,
        ...(typeof fallback === "string" ? { defaultValue: fallback, placeholder: fallback } : {}),
        validate: (value) => ruleOf(prompt, value ?? ""),
      });
      given.set(prompt.name, text(answer));
    }
  }
  return { name, answers: given };
}

/** The one-line command that does the same without prompts. */
export function genEquivalent(
  generator: string,
  asked: GenAsked,
  switches: { readonly dryRun: boolean; readonly force: boolean },
): string {
  const words = ["npx", "create-litclaude", "gen", generator];
  if (asked.name !== undefined) words.push(asked.name);
  for (const [key, value] of asked.answers) {
    if (key !== "name") words.push(`--${key}`, value);
  }
  if (switches.dryRun) words.push("--dry-run");
  if (switches.force) words.push("--force");
  return shellLine(words);
}
