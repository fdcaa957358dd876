import "./zod-english.js";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import { positionAt } from "../merge/types.js";
import { ANSWERS_PATH, answersSchema, type Answers } from "./answers.js";
import { LitError } from "./errors.js";

/**
 * The project's `.litclaude/answers.json`, or undefined when there is none. A damaged one is an
 * exit-2 error naming the file, the line and column (or the JSON path) and, in `hint`, what the
 * command that read it wants done.
 */
export async function readAnswersIfPresent(
  projectDir: string,
  hint: string,
): Promise<Answers | undefined> {
  const file = join(projectDir, ANSWERS_PATH);
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false });
  const first = errors[0];
  if (first !== undefined) {
    const { line, column } = positionAt(text, first.offset);
    throw new LitError(
      "usage",
      `${ANSWERS_PATH} is not valid JSON (${printParseErrorCode(first.error)})`,
      { hint, location: { file, line, column } },
    );
  }
  const parsed = answersSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue === undefined ? "" : ` at ${issue.path.join(".")}: ${issue.message}`;
  throw new LitError("usage", `${ANSWERS_PATH} is not a create-litclaude answers file${where}`, {
    hint,
    location: { file, line: 1, column: 1 },
  });
}
