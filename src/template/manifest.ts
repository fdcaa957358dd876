import "../core/zod-english.js";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import { LitError } from "../core/errors.js";
import { positionAt } from "../merge/types.js";
import {
  MANIFEST_FILE,
  RESERVED_IDS,
  manifestSchema,
  type Manifest,
  type Question,
} from "./manifest-schema.js";

/** `["questions", 2, "pattern"]` -> `questions[2].pattern`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${String(part)}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(the top level)" : out;
}

function invalid(file: string, where: string, problem: string): LitError {
  return new LitError("usage", `${MANIFEST_FILE}: ${where}: ${problem}`, {
    hint: `fix ${where} in ${file} (create-litclaude template check shows every problem); nothing was written`,
    location: { file },
  });
}

function checkPattern(file: string, where: string, pattern: string): RegExp {
  try {
    return new RegExp(pattern, "u");
  } catch (error: unknown) {
    throw invalid(file, where, `not a valid regular expression (${String(error)})`);
  }
}

function checkDefault(file: string, index: number, question: Question): void {
  const where = `questions[${String(index)}].default`;
  if (question.default === undefined) return;
  const problem = answerProblem(question, question.default);
  if (problem !== undefined) throw invalid(file, where, problem);
}

/** Why `value` is not an answer `question` takes, or undefined when it is. */
export function answerProblem(
  question: Question,
  value: string | number | boolean,
): string | undefined {
  switch (question.type) {
    case "string":
      if (typeof value !== "string") return "expects text";
      if (question.pattern !== undefined && !new RegExp(question.pattern, "u").test(value)) {
        return `"${value}" does not match ${question.pattern}`;
      }
      return undefined;
    case "choice":
      if (typeof value !== "string" || !question.choices.includes(value)) {
        return `"${String(value)}" is not one of: ${question.choices.join(", ")}`;
      }
      return undefined;
    case "boolean":
      return typeof value === "boolean" ? undefined : "expects true or false";
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return "expects a number";
      if (question.integer === true && !Number.isInteger(value))
        return `${String(value)} is not a whole number`;
      if (question.min !== undefined && value < question.min)
        return `${String(value)} is below ${String(question.min)}`;
      if (question.max !== undefined && value > question.max)
        return `${String(value)} is above ${String(question.max)}`;
      return undefined;
  }
}

/** What zod cannot say: ids unique and not reserved, `when` naming earlier questions. */
function checkQuestions(file: string, questions: readonly Question[]): void {
  const seen = new Set<string>();
  questions.forEach((question, index) => {
    const at = `questions[${String(index)}]`;
    if (RESERVED_IDS.includes(question.id)) {
      throw invalid(file, `${at}.id`, `"${question.id}" is a built-in variable; choose another id`);
    }
    if (seen.has(question.id)) throw invalid(file, `${at}.id`, `"${question.id}" is used twice`);
    for (const key of Object.keys(question.when ?? {})) {
      if (!seen.has(key)) {
        throw invalid(file, `${at}.when.${key}`, `names no question asked before this one`);
      }
    }
    if (question.type === "string" && question.pattern !== undefined) {
      checkPattern(file, `${at}.pattern`, question.pattern);
    }
    checkDefault(file, index, question);
    seen.add(question.id);
  });
}

/** Parses and validates a manifest's text; every problem names the file and the JSON path. */
export function parseManifest(textValue: string, file: string): Manifest {
  const errors: ParseError[] = [];
  const value: unknown = parse(textValue, errors, {
    allowTrailingComma: false,
    disallowComments: true,
  });
  const first = errors[0];
  if (first !== undefined) {
    const at = positionAt(textValue, first.offset);
    throw new LitError(
      "usage",
      `${MANIFEST_FILE} is not valid JSON: ${printParseErrorCode(first.error)}`,
      {
        hint: `fix the JSON at line ${String(at.line)}, column ${String(at.column)}; nothing was written`,
        location: { file, line: at.line, column: at.column },
      },
    );
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const [issue, ...more] = parsed.error.issues;
    const others = more.map((other) => `${jsonPath(other.path)}: ${other.message}`);
    throw invalid(
      file,
      jsonPath(issue?.path ?? []),
      [issue?.message ?? "not a template manifest", ...others].join("; "),
    );
  }
  checkQuestions(file, parsed.data.questions ?? []);
  return parsed.data;
}

/** Reads `litclaude.template.json` in a template's root folder. */
export async function readManifest(dir: string): Promise<Manifest> {
  const file = join(dir, MANIFEST_FILE);
  const textValue = await readFile(file, "utf8").catch(() => undefined);
  if (textValue === undefined) {
    throw new LitError("usage", `${dir} holds no ${MANIFEST_FILE}`, {
      hint: "a team template needs one at its root: create-litclaude template init makes one",
      location: { file },
    });
  }
  return parseManifest(textValue, file);
}
