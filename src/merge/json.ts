import {
  applyEdits,
  findNodeAtLocation,
  parseTree,
  modify,
  parse,
  printParseErrorCode,
  type FormattingOptions,
  type JSONPath,
  type ParseError,
} from "jsonc-parser";
import { malformed, positionAt, type MergeResult } from "./types.js";

export type JsonMergeResult = MergeResult;

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

/** "CommaExpected" -> "comma expected" */
function describeError(error: ParseError): string {
  return printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

type Parsed =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: string; readonly line: number; readonly column: number };

function parseJsonc(text: string): Parsed {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, PARSE_OPTIONS);
  const first = errors[0];
  if (first !== undefined) {
    const at = positionAt(text, first.offset);
    return { ok: false, reason: describeError(first), line: at.line, column: at.column };
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

function indentOfLine(text: string, offset: number): string {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? "";
}

/**
 * Appends an item to an array in the user's style: on its own line in a multi-line array, after
 * `, ` in a one-line one. (jsonc-parser's own insertion re-indents one-line arrays.)
 */
function appendToArray(text: string, path: JSONPath, value: unknown, eol: string): string {
  const tree = parseTree(text, [], PARSE_OPTIONS);
  const node = tree === undefined ? undefined : findNodeAtLocation(tree, path);
  const item = JSON.stringify(value);
  if (node?.type !== "array") return text;
  const last = node.children?.at(-1);
  if (last === undefined) {
    return `${text.slice(0, node.offset + 1)}${item}${text.slice(node.offset + 1)}`;
  }
  const end = last.offset + last.length;
  const multiline = text.slice(node.offset, end).includes("\n");
  const added = multiline ? `,${eol}${indentOfLine(text, last.offset)}${item}` : `, ${item}`;
  return `${text.slice(0, end)}${added}${text.slice(end)}`;
}

/** The user's indent unit: a tab, or as many spaces as the file's first indented line. */
function indentUnit(options: FormattingOptions): string {
  return options.insertSpaces === false ? "\t" : " ".repeat(options.tabSize ?? 2);
}

/**
 * Adds a property to an object after its last property, on its own line and indented like its
 * siblings; the rest of the text is untouched. (jsonc-parser's own insertion re-formats the
 * neighbouring property too.)
 */
function insertProperty(
  text: string,
  path: JSONPath,
  value: unknown,
  options: FormattingOptions,
): string {
  const key = path.at(-1);
  const tree = parseTree(text, [], PARSE_OPTIONS);
  const node = tree === undefined ? undefined : findNodeAtLocation(tree, path.slice(0, -1));
  if (node?.type !== "object" || typeof key !== "string") {
    return applyEdits(text, modify(text, path, value, { formattingOptions: options }));
  }
  const eol = options.eol ?? "\n";
  const unit = indentUnit(options);
  const last = node.children?.at(-1);
  const indent =
    last === undefined
      ? `${indentOfLine(text, node.offset)}${unit}`
      : indentOfLine(text, last.offset);
  const rendered = JSON.stringify(value, null, unit).split("\n").join(`${eol}${indent}`);
  const property = `${indent}${JSON.stringify(key)}: ${rendered}`;
  if (last === undefined) {
    const at = node.offset + 1;
    const close = `${eol}${indentOfLine(text, node.offset)}`;
    return `${text.slice(0, at)}${eol}${property}${close}${text.slice(node.offset + node.length - 1)}`;
  }
  const end = last.offset + last.length;
  return `${text.slice(0, end)},${eol}${property}${text.slice(end)}`;
}

/**
 * Merges incoming JSON into the user's JSON/JSONC text: the user's keys and values are kept,
 * objects merge deeply, arrays become the union; comments and formatting of the user's text are
 * preserved. Merging the result with the same incoming text again changes nothing.
 */
export function mergeJson(current: string, incoming: string): JsonMergeResult {
  const theirs = parseJsonc(incoming);
  if (!theirs.ok) {
    return malformed(
      `the JSON to merge in is malformed: ${theirs.reason}`,
      theirs.line,
      theirs.column,
    );
  }
  if (current.trim() === "") return { ok: true, text: incoming };
  const mine = parseJsonc(current);
  if (!mine.ok) return malformed(mine.reason, mine.line, mine.column);
  if (!isObject(theirs.value) || !isObject(mine.value)) {
    return sameJson(mine.value, theirs.value)
      ? { ok: true, text: current }
      : malformed("expected a JSON object at the top level", 1, 1);
  }
  const formattingOptions = formattingOf(current);
  const text = insertions(mine.value, theirs.value, []).reduce(
    (acc, { path, value }) =>
      path.at(-1) === -1
        ? appendToArray(acc, path.slice(0, -1), value, formattingOptions.eol ?? "\n")
        : insertProperty(acc, path, value, formattingOptions),
    current,
  );
  return { ok: true, text };
}
