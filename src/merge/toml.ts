import { parseTOML } from "toml-eslint-parser";
import type { AST } from "toml-eslint-parser";
import { eolOf, malformed, withFinalEol, type MergeResult } from "./types.js";

type Table = AST.TOMLTable;
type KeyValue = AST.TOMLKeyValue;

type Parsed =
  | { readonly ok: true; readonly top: AST.TOMLTopLevelTable }
  | { readonly ok: false; readonly result: MergeResult };

function parse(text: string, whose: string): Parsed {
  try {
    const top = parseTOML(text).body[0];
    return { ok: true, top };
  } catch (error: unknown) {
    const where =
      error instanceof Error && "lineNumber" in error && "column" in error ? error : undefined;
    const line = typeof where?.lineNumber === "number" ? where.lineNumber : 1;
    const column = typeof where?.column === "number" ? where.column + 1 : 1;
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, result: malformed(`${whose}${reason}`, line, column) };
  }
}

function keyPath(key: AST.TOMLKey): string {
  return JSON.stringify(
    key.keys.map((part) => (part.type === "TOMLBare" ? part.name : part.value)),
  );
}

function tablePath(table: Table): string {
  return `${table.kind}:${JSON.stringify(table.resolvedKey)}`;
}

/** An edit: insert `text` at `at` in the user's file. */
interface Insert {
  readonly at: number;
  readonly text: string;
}

function lineEndAfter(text: string, offset: number): number {
  const end = text.indexOf("\n", offset);
  return end === -1 ? text.length : end > 0 && text[end - 1] === "\r" ? end - 1 : end;
}

function indentOfLine(text: string, offset: number): string {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? "";
}

/** The array items of ours the user's array lacks, written in the user's array style. */
function arrayInserts(
  text: string,
  mine: AST.TOMLArray,
  ours: AST.TOMLArray,
  src: string,
  eol: string,
): Insert[] {
  const have = new Set(mine.elements.map((element) => text.slice(...element.range)));
  const added = ours.elements
    .map((element) => src.slice(...element.range))
    .filter((item, index, all) => !have.has(item) && all.indexOf(item) === index);
  if (added.length === 0) return [];
  const last = mine.elements.at(-1);
  if (last === undefined) return [{ at: mine.range[0] + 1, text: added.join(", ") }];
  const multiline = text.slice(mine.range[0], mine.range[1]).includes("\n");
  const after = text.slice(last.range[1], mine.range[1] - 1);
  const comma = after.indexOf(",");
  if (!multiline) return [{ at: last.range[1], text: added.map((item) => `, ${item}`).join("") }];
  const indent = indentOfLine(text, last.range[0]);
  if (comma !== -1 && !after.slice(0, comma).includes("\n")) {
    const at = lineEndAfter(text, last.range[1] + comma);
    return [{ at, text: added.map((item) => `${eol}${indent}${item},`).join("") }];
  }
  const at = lineEndAfter(text, last.range[1]);
  const lines = added
    .map((item, index) => `${eol}${indent}${item}${index < added.length - 1 ? "," : ""}`)
    .join("");
  if (at === last.range[1]) return [{ at, text: `,${lines}` }];
  return [
    { at: last.range[1], text: "," },
    { at, text: lines },
  ];
}

/** Keys of ours missing in one of the user's tables (or the top level), and array unions. */
function bodyInserts(
  text: string,
  mine: readonly KeyValue[],
  ours: readonly KeyValue[],
  src: string,
  fallbackAt: number,
  eol: string,
): Insert[] {
  const byKey = new Map(mine.map((kv) => [keyPath(kv.key), kv]));
  const last = mine.at(-1);
  const at = last === undefined ? fallbackAt : lineEndAfter(text, last.range[1]);
  const inserts: Insert[] = [];
  const newLines: string[] = [];
  for (const kv of ours) {
    const have = byKey.get(keyPath(kv.key));
    if (have === undefined) newLines.push(src.slice(...kv.range));
    else if (have.value.type === "TOMLArray" && kv.value.type === "TOMLArray") {
      inserts.push(...arrayInserts(text, have.value, kv.value, src, eol));
    }
  }
  if (newLines.length > 0) {
    const lead = last === undefined && fallbackAt === 0 ? "" : eol;
    const tail = last === undefined && fallbackAt === 0 ? eol : "";
    inserts.push({ at, text: `${lead}${newLines.join(eol)}${tail}` });
  }
  return inserts;
}

/**
 * Merges our TOML into the user's, editing the text in place: missing keys go after the last key
 * of their table, missing tables at the end, string arrays (workspace members, lint lists) become
 * the union. Every value the user set wins; comments, order and formatting stay.
 */
export function mergeToml(current: string, incoming: string): MergeResult {
  if (current === "") return { ok: true, text: incoming };
  const theirs = parse(incoming, "the TOML to merge in is malformed: ");
  if (!theirs.ok) return theirs.result;
  const mine = parse(current, "");
  if (!mine.ok) return mine.result;
  const eol = eolOf(current);
  const isTable = (node: KeyValue | Table): node is Table => node.type === "TOMLTable";
  const isKeyValue = (node: KeyValue | Table): node is KeyValue => node.type === "TOMLKeyValue";
  const userTables = new Map(
    mine.top.body.filter(isTable).map((table) => [tablePath(table), table]),
  );
  const firstTable = mine.top.body.find(isTable);
  const inserts = bodyInserts(
    current,
    mine.top.body.filter(isKeyValue),
    theirs.top.body.filter(isKeyValue),
    incoming,
    firstTable === undefined ? current.length : 0,
    eol,
  );
  const appended: string[] = [];
  for (const table of theirs.top.body.filter(isTable)) {
    const have = userTables.get(tablePath(table));
    if (have === undefined) appended.push(incoming.slice(...table.range));
    else if (table.kind === "standard") {
      const headerEnd = lineEndAfter(current, have.key.range[1]);
      inserts.push(...bodyInserts(current, have.body, table.body, incoming, headerEnd, eol));
    }
  }
  if (inserts.length === 0 && appended.length === 0) return { ok: true, text: current };
  const edited = [...inserts]
    .sort((a, b) => b.at - a.at)
    .reduce((acc, edit) => `${acc.slice(0, edit.at)}${edit.text}${acc.slice(edit.at)}`, current);
  const text =
    appended.length === 0
      ? edited
      : `${withFinalEol(edited, eol)}${eol}${appended.join(eol + eol).replaceAll("\n", eol)}${eol}`;
  const check = parse(text, "");
  if (!check.ok) {
    return {
      ok: false,
      conflict: true,
      reason: "our tables clash with how the file defines its keys",
    };
  }
  return { ok: true, text };
}
