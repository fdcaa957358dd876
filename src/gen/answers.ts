import { usageError } from "../core/errors.js";
import { isCallable, type GenAnswers, type Generator, type Prompt } from "./plop-api.js";

function coerce(prompt: Prompt, raw: string): string | boolean {
  if (prompt.type === "confirm") {
    if (/^(true|yes|y|1)$/i.test(raw)) return true;
    if (/^(false|no|n|0)$/i.test(raw)) return false;
    throw usageError(`--${prompt.name} takes yes or no, not ${raw}`, `pass --${prompt.name} yes`);
  }
  if (prompt.type === "list" && prompt.choices !== undefined && !prompt.choices.includes(raw)) {
    throw usageError(
      `--${prompt.name} is ${raw}, which is not one of ${prompt.choices.join(", ")}`,
      `pass one of them: --${prompt.name} ${prompt.choices[0] ?? ""}`,
    );
  }
  return raw;
}

export function asked(prompt: Prompt, answers: GenAnswers): boolean {
  if (isCallable(prompt.when)) return Boolean(prompt.when(answers));
  return prompt.when === undefined ? true : Boolean(prompt.when);
}

export function defaultOf(prompt: Prompt, answers: GenAnswers): unknown {
  return isCallable(prompt.default) ? prompt.default(answers) : prompt.default;
}

function validated(prompt: Prompt, value: unknown, answers: GenAnswers): void {
  if (!isCallable(prompt.validate)) return;
  const verdict: unknown = prompt.validate(value, answers);
  if (verdict === true) return;
  const reason = typeof verdict === "string" ? verdict : "it was rejected";
  throw usageError(`--${prompt.name} ${String(value)}: ${reason}`, `pass another --${prompt.name}`);
}

/**
 * Every answer of a generator, from flags only: no prompt ever blocks. A prompt behind a `when`
 * can still be answered by its flag; one with neither a flag nor a default is a usage error.
 */
export function answersFromFlags(
  generator: Generator,
  given: ReadonlyMap<string, string>,
  base: GenAnswers,
): GenAnswers {
  const known = new Set(generator.prompts.map((prompt) => prompt.name));
  for (const name of given.keys()) {
    if (!known.has(name)) {
      const flags = [...known].filter((each) => each !== "name").map((each) => `--${each}`);
      throw usageError(
        `the ${generator.name} generator has no answer --${name}`,
        flags.length === 0 ? "it takes only the name" : `its answers: ${flags.join(", ")}`,
      );
    }
  }
  const answers: Record<string, unknown> = { ...base };
  for (const prompt of generator.prompts) {
    const raw = given.get(prompt.name);
    if (raw !== undefined) {
      answers[prompt.name] = coerce(prompt, raw);
    } else if (asked(prompt, answers)) {
      const fallback = defaultOf(prompt, answers);
      if (fallback === undefined) {
        throw usageError(
          `the ${generator.name} generator needs an answer: ${prompt.message}`,
          prompt.name === "name"
            ? `give it as: gen ${generator.name} <name>`
            : `pass --${prompt.name} <value>`,
        );
      }
      answers[prompt.name] = fallback;
    } else {
      continue;
    }
    validated(prompt, answers[prompt.name], answers);
  }
  return answers;
}
