import { getStaticTOMLValue, parseTOML, type AST } from "toml-eslint-parser";
import { ABSENT, type ValueEdit } from "./merge-values.js";

/** A key = value line of a TOML file, with the full path of its key and its place. */
interface Entry {
  readonly path: string;
  readonly node: AST.TOMLKeyValue;
  readonly table: AST.TOMLTable | undefined;
}

interface Doc {
  readonly text: string;
  readonly top: AST.TOMLTopLevelTable;
  readonly entries: ReadonlyMap<string, Entry>;
}

function keyParts(key: AST.TOMLKey): string[] {
  return key.keys.map((part) => (part.type === "TOMLBare" ? part.name : part.value));
}

const pathKey = (path: readonly (string | number)[]): string => JSON.stringify(path);

function load(text: string): Doc {
  const top = parseTOML(text).body[0];
  const entries = new Map<string, Entry>();
  for (const item of top.body) {
    const table = item.type === "TOMLTable" ? item : undefined;
    const pairs = item.type === "TOMLTable" ? item.body : [item];
    for (const node of pairs) {
      const path = [...(table?.resolvedKey ?? []), ...keyParts(node.key)];
      entries.set(pathKey(path), { path: pathKey(path), node, table });
    }
  }
  return { text, top, entries };
}

/** The parsed value of a TOML text as plain JSON values (dates as strings). */
export function tomlValue(text: string): unknown {
  return JSON.parse(JSON.stringify(getStaticTOMLValue(parseTOML(text))));
}

interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function lineEnd(text: string, offset: number): number {
  const next = text.indexOf("\n", offset);
  return next === -1 ? text.length : next + 1;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function tableOf(doc: Doc, resolved: readonly (string | number)[]): AST.TOMLTable | undefined {
  return doc.top.body.find(
    (item): item is AST.TOMLTable =>
      item.type === "TOMLTable" && pathKey(item.resolvedKey) === pathKey(resolved),
  );
}

/** The edits as splices of ours, or undefined when one is beyond this editor (array tables). */
function splicesFor(ours: Doc, theirs: Doc, edits: readonly ValueEdit[]): Splice[] | undefined {
  const splices: Splice[] = [];
  const appended = new Map<string, string[]>();
  for (const edit of edits) {
    const key = pathKey(edit.path);
    const mine = ours.entries.get(key);
    if (edit.value === ABSENT) {
      if (mine === undefined) return undefined;
      const start = lineStart(ours.text, mine.node.range[0]);
      splices.push({ start, end: lineEnd(ours.text, mine.node.range[1]), text: "" });
      continue;
    }
    const source = theirs.entries.get(key);
    if (source === undefined) return undefined;
    const valueText = theirs.text.slice(source.node.value.range[0], source.node.value.range[1]);
    if (mine !== undefined) {
      const [start, end] = mine.node.value.range;
      splices.push({ start, end, text: valueText });
      continue;
    }
    const line = `${theirs.text.slice(source.node.range[0], source.node.range[1])}\n`;
    const resolved = source.table?.resolvedKey ?? [];
    if (resolved.some((part) => typeof part === "number")) return undefined;
    const home = resolved.length === 0 ? undefined : tableOf(ours, resolved);
    if (resolved.length > 0 && home === undefined) {
      const header = theirs.text.slice(
        source.table?.range[0] ?? 0,
        lineEnd(theirs.text, source.table?.key.range[1] ?? 0),
      );
      const lines = appended.get(header) ?? [];
      appended.set(header, [...lines, line]);
      continue;
    }
    const last = home?.body.at(-1) ?? home;
    const firstTable = ours.top.body.find((item) => item.type === "TOMLTable");
    const topLast = ours.top.body.filter((item) => item.type === "TOMLKeyValue").at(-1);
    const after =
      home === undefined
        ? topLast === undefined
          ? lineStart(ours.text, firstTable?.range[0] ?? ours.text.length)
          : lineEnd(ours.text, topLast.range[1])
        : lineEnd(ours.text, last === home ? home.key.range[1] : (last?.range[1] ?? 0));
    splices.push({ start: after, end: after, text: line });
  }
  for (const [header, lines] of appended) {
    const end = ours.text.length;
    const lead = ours.text.endsWith("\n") ? "\n" : "\n\n";
    splices.push({ start: end, end, text: `${lead}${header}${lines.join("")}` });
  }
  return splices;
}

/**
 * Applies value edits to the user's TOML in place: a changed value is replaced by the
 * template's text for it, a new key goes after the last key of its table (a new table at the
 * end), a removed key loses its line. Comments and layout elsewhere stay byte for byte.
 */
export function applyTomlEdits(
  oursText: string,
  edits: readonly ValueEdit[],
  theirsText: string,
): string | undefined {
  const ours = load(oursText);
  const theirs = load(theirsText);
  const flat = edits.flatMap((edit) => flatten(edit, theirs, ours));
  const splices = splicesFor(ours, theirs, flat);
  if (splices === undefined) return undefined;
  const ordered = [...splices].sort((a, b) => b.start - a.start || b.end - a.end);
  let text = oursText;
  for (const splice of ordered) {
    text = `${text.slice(0, splice.start)}${splice.text}${text.slice(splice.end)}`;
  }
  return text;
}

/** An edit of a whole table becomes edits of its keys, down to the lines either file has. */
function flatten(edit: ValueEdit, theirs: Doc, ours: Doc): ValueEdit[] {
  const key = pathKey(edit.path);
  if (theirs.entries.has(key) || ours.entries.has(key)) return [edit];
  const prefix = key.slice(0, -1);
  const below = (doc: Doc): string[] =>
    [...doc.entries.keys()].filter((path) => path.startsWith(`${prefix},`));
  if (edit.value === ABSENT) {
    return below(ours).map((path) => ({ path: parsePath(path), value: ABSENT }));
  }
  return below(theirs).map((path) => ({ path: parsePath(path), value: true }));
}

function parsePath(key: string): string[] {
  const parsed: unknown = JSON.parse(key);
  return Array.isArray(parsed) ? parsed.map(String) : [];
}
