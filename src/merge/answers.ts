import { parse, type ParseError } from "jsonc-parser";
import {
  answersSchema,
  type Answers,
  type LanguageEntry,
  type TemplateRecord,
} from "../core/answers.js";
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

function sameTemplate(a: TemplateRecord, b: TemplateRecord): boolean {
  return a.dir === b.dir && a.name === b.name;
}

/** The records of `before`, each replaced by its namesake in `added`, then the new ones. */
function union<T>(before: readonly T[], added: readonly T[], same: (a: T, b: T) => boolean): T[] {
  return [
    ...before.map((entry) => added.find((other) => same(entry, other)) ?? entry),
    ...added.filter((entry) => !before.some((other) => same(entry, other))),
  ];
}

/**
 * Records the languages (and team templates) of `incoming` in the answers file: an entry for the same folder and
 * language is replaced, others are appended; what `create` wrote stays. Unchanged when the
 * entries are already there, so a rerun plans nothing.
 */
export function mergeAnswers(current: string, incoming: string): MergeResult {
  if (current === "") return { ok: true, text: incoming };
  const mine = read(current, "");
  if (!mine.ok) return mine.result;
  const theirs = read(incoming, "the answers to merge in are ");
  if (!theirs.ok) return theirs.result;
  const languages = union(mine.value.languages ?? [], theirs.value.languages ?? [], sameEntry);
  const addedTemplates = theirs.value.templates ?? [];
  const templates = union(mine.value.templates ?? [], addedTemplates, sameTemplate);
  const next: Answers = {
    ...mine.value,
    languages,
    ...(templates.length === 0 ? {} : { templates }),
  };
  if (JSON.stringify(next) === JSON.stringify(mine.value)) return { ok: true, text: current };
  return { ok: true, text: `${JSON.stringify(next, null, 2)}\n` };
}
