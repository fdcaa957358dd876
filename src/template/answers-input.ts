import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import { LitError, usageError } from "../core/errors.js";
import { positionAt } from "../merge/types.js";
import type { AnswerValue } from "./manifest-schema.js";

/** An answer as given, before it is checked against its question; `from` names where. */
export interface GivenAnswer {
  readonly value: AnswerValue;
  readonly from: string;
}

/** `--answer key=value` (repeatable): the value is text, typed later by its question. */
export function parseAnswerFlags(flags: readonly string[]): ReadonlyMap<string, GivenAnswer> {
  const answers = new Map<string, GivenAnswer>();
  for (const flag of flags) {
    const equals = flag.indexOf("=");
    if (equals <= 0) {
      throw usageError(`--answer ${flag}: expected key=value`, "e.g. --answer team=payments");
    }
    const key = flag.slice(0, equals);
    const earlier = answers.get(key);
    if (earlier !== undefined) {
      throw usageError(`--answer ${key} is given twice`, `keep one --answer ${key}=...`);
    }
    answers.set(key, { value: flag.slice(equals + 1), from: `--answer ${flag}` });
  }
  return answers;
}

/** `--answers-file F`: a JSON object of answers (text, numbers, booleans). */
export async function readAnswersFile(
  path: string,
  cwd: string,
): Promise<ReadonlyMap<string, GivenAnswer>> {
  const file = resolve(cwd, path);
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) {
    throw new LitError("usage", `--answers-file ${path}: cannot read it`, {
      hint: 'pass a JSON file such as {"team": "payments"}',
      location: { file },
    });
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first !== undefined) {
    const at = positionAt(text, first.offset);
    throw new LitError(
      "usage",
      `--answers-file ${path} is not valid JSON: ${printParseErrorCode(first.error)}`,
      {
        hint: "fix the JSON; nothing was written",
        location: { file, line: at.line, column: at.column },
      },
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new LitError("usage", `--answers-file ${path} must hold one JSON object of answers`, {
      hint: 'e.g. {"team": "payments", "port": 8080}',
      location: { file },
    });
  }
  const answers = new Map<string, GivenAnswer>();
  for (const [key, item] of Object.entries(value)) {
    const given: unknown = item;
    if (typeof given !== "string" && typeof given !== "number" && typeof given !== "boolean") {
      throw new LitError(
        "usage",
        `--answers-file ${path}: ${key} must be text, a number or true/false`,
        {
          hint: "fix that answer; nothing was written",
          location: { file },
        },
      );
    }
    answers.set(key, { value: given, from: `${path}: ${key}` });
  }
  return answers;
}

/** The answers file's values first, `--answer` flags over them. */
export function combineAnswers(
  fromFile: ReadonlyMap<string, GivenAnswer>,
  fromFlags: ReadonlyMap<string, GivenAnswer>,
): ReadonlyMap<string, GivenAnswer> {
  return new Map([...fromFile, ...fromFlags]);
}
