import { usageError } from "../core/errors.js";
import type { GivenAnswer } from "./answers-input.js";
import { answerProblem } from "./manifest.js";
import type { AnswerValue, Question } from "./manifest-schema.js";

/** Every question's answer; undefined for one its `when` condition skipped. */
export type TemplateAnswers = Readonly<Record<string, AnswerValue | undefined>>;

/** Asks one question (interactive runs); the answer it returns is checked again. */
export type AskQuestion = (question: Question) => Promise<AnswerValue>;

function coerce(question: Question, value: AnswerValue): AnswerValue {
  if (typeof value !== "string") return value;
  if (question.type === "boolean") {
    if (/^(true|yes|y|1)$/i.test(value)) return true;
    if (/^(false|no|n|0)$/i.test(value)) return false;
  }
  if (question.type === "number" && value.trim() !== "" && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return value;
}

function holds(when: Question["when"], answers: TemplateAnswers): boolean {
  return Object.entries(when ?? {}).every(([key, expected]) => {
    const value = answers[key];
    return Array.isArray(expected) ? expected.some((item) => item === value) : expected === value;
  });
}

function flagFor(question: Question): string {
  const example =
    question.type === "choice"
      ? (question.choices[0] ?? "")
      : question.type === "boolean"
        ? "true"
        : "...";
  return `--answer ${question.id}=${example}`;
}

/**
 * The template's answers, the same way whether a person is there or not: a given answer (from
 * --answer or --answers-file) is typed and checked, never asked; a question whose `when` does
 * not hold is skipped; the rest are asked when `ask` is given, else take their default. An
 * unknown key, a bad value or a missing answer is a usage error naming the flag.
 */
export async function resolveAnswers(
  questions: readonly Question[],
  given: ReadonlyMap<string, GivenAnswer>,
  ask: AskQuestion | undefined,
): Promise<TemplateAnswers> {
  const ids = questions.map((question) => question.id);
  for (const [key, answer] of given) {
    if (!ids.includes(key)) {
      throw usageError(
        `${answer.from}: the template asks no question "${key}"`,
        ids.length === 0
          ? "this template has no questions; drop the answer"
          : `its questions are: ${ids.join(", ")}`,
      );
    }
  }
  const answers: Record<string, AnswerValue | undefined> = {};
  for (const question of questions) {
    if (!holds(question.when, answers)) {
      answers[question.id] = undefined;
      continue;
    }
    const supplied = given.get(question.id);
    let value: AnswerValue;
    let from: string;
    if (supplied !== undefined) {
      value = coerce(question, supplied.value);
      from = supplied.from;
    } else if (ask !== undefined) {
      value = await ask(question);
      from = `the answer to ${question.id}`;
    } else if (question.default !== undefined) {
      value = question.default;
      from = `the default of ${question.id}`;
    } else {
      throw usageError(
        `missing the answer to "${question.id}" (${question.message ?? question.type})`,
        `pass ${flagFor(question)}`,
      );
    }
    const problem = answerProblem(question, value);
    if (problem !== undefined) throw usageError(`${from}: ${problem}`, `pass ${flagFor(question)}`);
    answers[question.id] = value;
  }
  return answers;
}

/** The answers to record and to repeat on a command line: skipped questions left out. */
export function recordedAnswers(answers: TemplateAnswers): Readonly<Record<string, AnswerValue>> {
  const out: Record<string, AnswerValue> = {};
  for (const [key, value] of Object.entries(answers)) if (value !== undefined) out[key] = value;
  return out;
}
