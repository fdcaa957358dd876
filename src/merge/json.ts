import {
  applyEdits,
  modify,
  parse,
  printParseErrorCode,
  type FormattingOptions,
  type JSONPath,
  type ParseError,
} from "jsonc-parser";

export type JsonMergeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: string; readonly line: number };

type JsonObject = Readonly<Record<string, unknown>>;

const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false } as const;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (isArray(a) && isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]))
    );
  }
  return a === b;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    if (text[index] === "\n") line += 1;
  }
  return line;
}

/** "CommaExpected" -> "comma expected" */
function describeError(error: ParseError): string {
  return printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

type Parsed =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: string; readonly line: number };

function parseJsonc(text: string): Parsed {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, PARSE_OPTIONS);
  const first = errors[0];
  if (first !== undefined) {
    return { ok: false, reason: describeError(first), line: lineAt(text, first.offset) };
  }
  return { ok: true, value };
}

/** Indentation and line ending of the user's file, so inserted text looks like theirs. */
function formattingOf(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? "  ";
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  return indent.startsWith("\t")
    ? { insertSpaces: false, tabSize: 1, eol }
    : { insertSpaces: true, tabSize: indent.length, eol };
}

interface Insertion {
  readonly path: JSONPath;
  readonly value: unknown;
}

/** What incoming adds to current: missing keys, and array items current does not hold yet. */
function insertions(current: JsonObject, incoming: JsonObject, path: JSONPath): Insertion[] {
  return Object.entries(incoming).flatMap(([key, value]): Insertion[] => {
    const at = [...path, key];
    if (!Object.hasOwn(current, key)) return [{ path: at, value }];
    const mine = current[key];
    if (isObject(mine) && isObject(value)) return insertions(mine, value, at);
    if (isArray(mine) && isArray(value)) {
      const added = value.filter(
        (item, index) =>
          !mine.some((have) => sameJson(have, item)) &&
          value.findIndex((other) => sameJson(other, item)) === index,
      );
      return added.map((item) => ({ path: [...at, -1], value: item }));
    }
    // A value the user set wins, even when its type differs from ours.
    return [];
  });
}

/**
 * Merges incoming JSON into the user's JSON/JSONC text: the user's keys and values are kept,
 * objects merge deeply, arrays become the union; comments and formatting of the user's text are
 * preserved. Merging the result with the same incoming text again changes nothing.
 */
export function mergeJson(current: string, incoming: string): JsonMergeResult {
  const theirs = parseJsonc(incoming);
  if (!theirs.ok) {
    return {
      ok: false,
      reason: `the JSON to merge in is malformed: ${theirs.reason}`,
      line: theirs.line,
    };
  }
  if (current.trim() === "") return { ok: true, text: incoming };
  const mine = parseJsonc(current);
  if (!mine.ok) return mine;
  if (!isObject(theirs.value) || !isObject(mine.value)) {
    return sameJson(mine.value, theirs.value)
      ? { ok: true, text: current }
      : { ok: false, reason: "expected a JSON object at the top level", line: 1 };
  }
  const formattingOptions = formattingOf(current);
  const text = insertions(mine.value, theirs.value, []).reduce(
    (acc, { path, value }) => applyEdits(acc, modify(acc, path, value, { formattingOptions })),
    current,
  );
  return { ok: true, text };
}
