import { parse, type ParseError } from "jsonc-parser";
import { answersSchema, type Answers, type LanguageEntry } from "../core/answers.js";
import { malformed, positionAt, type MergeResult } from "./types.js";

type Read =
  | { readonly ok: true; readonly value: Answers }
  | { readonly ok: false; readonly result: MergeResult };

function read(text: string, whose: string): Read {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false });
  const first = errors[0];
  if (first !== undefined) {
    const at = positionAt(text, first.offset);
    return { ok: false, result: malformed(`${whose}not valid JSON`, at.line, at.column) };
  }
  const checked = answersSchema.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue === undefined ? "" : ` at ${issue.path.join(".")}`;
    return {
      ok: false,
      result: malformed(`${whose}not a create-litclaude answers file${where}`, 1, 1),
    };
  }
  return { ok: true, value: checked.data };
}

function sameEntry(a: LanguageEntry, b: LanguageEntry): boolean {
  return a.dir === b.dir && a.lang === b.lang;
}

/**
 * Records the languages of `incoming` in the answers file: an entry for the same folder and
 * language is replaced, others are appended; what `create` wrote stays. Unchanged when the
 * entries are already there, so a rerun plans nothing.
 */
export function mergeAnswers(current: string, incoming: string): MergeResult {
  if (current === "") return { ok: true, text: incoming };
  const mine = read(current, "");
  if (!mine.ok) return mine.result;
  const theirs = read(incoming, "the answers to merge in are ");
  if (!theirs.ok) return theirs.result;
  const added = theirs.value.languages ?? [];
  const before = mine.value.languages ?? [];
  const languages = [
    ...before.map((entry) => added.find((other) => sameEntry(entry, other)) ?? entry),
    ...added.filter((entry) => !before.some((other) => sameEntry(entry, other))),
  ];
  const next: Answers = { ...mine.value, languages };
  if (JSON.stringify(next) === JSON.stringify(mine.value)) return { ok: true, text: current };
  return { ok: true, text: `${JSON.stringify(next, null, 2)}\n` };
}
