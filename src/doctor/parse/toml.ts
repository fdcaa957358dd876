import { getStaticTOMLValue, parseTOML, type AST } from "toml-eslint-parser";
import { LitError } from "../../core/errors.js";

/** One `key = value` of a TOML file, by its full key path, with the line it is on. */
export interface TomlEntry {
  readonly path: readonly (string | number)[];
  readonly value: unknown;
  readonly line: number;
  /** The line of each element when the value is an array. */
  readonly elementLines: readonly number[];
}

export interface TomlDoc {
  readonly entries: readonly TomlEntry[];
  /** The line of each table header, keyed by its dotted path. */
  readonly tables: ReadonlyMap<string, number>;
}

function keyName(part: AST.TOMLBare | AST.TOMLQuoted): string {
  return part.type === "TOMLBare" ? part.name : part.value;
}

function entryOf(prefix: readonly (string | number)[], node: AST.TOMLKeyValue): TomlEntry {
  const value = node.value;
  return {
    path: [...prefix, ...node.key.keys.map(keyName)],
    value: getStaticTOMLValue(value),
    line: node.loc.start.line,
    elementLines:
      value.type === "TOMLArray" ? value.elements.map((item) => item.loc.start.line) : [],
  };
}

function parsed(text: string, file: string): AST.TOMLTopLevelTable {
  try {
    return parseTOML(text).body[0];
  } catch (error: unknown) {
    const at = error instanceof Error && "lineNumber" in error ? error.lineNumber : undefined;
    const line = typeof at === "number" ? at : 1;
    const reason = error instanceof Error ? error.message : String(error);
    throw new LitError("usage", `${file} is not valid TOML: ${reason}`, {
      hint: "fix the file and run doctor again",
      location: { file, line },
    });
  }
}

/** Parses TOML into its key-value entries; a malformed file is a usage error at its line. */
export function parseTomlDoc(text: string, file: string): TomlDoc {
  const top = parsed(text, file);
  const entries: TomlEntry[] = [];
  const tables = new Map<string, number>();
  for (const node of top.body) {
    if (node.type === "TOMLKeyValue") {
      entries.push(entryOf([], node));
      continue;
    }
    tables.set(node.resolvedKey.join("."), node.loc.start.line);
    for (const item of node.body) entries.push(entryOf(node.resolvedKey, item));
  }
  return { entries, tables };
}

function startsWith(path: readonly (string | number)[], prefix: readonly string[]): boolean {
  return prefix.every((part, index) => path[index] === part);
}

/** The entries directly or deeply under `prefix`, their paths made relative to it. */
export function under(doc: TomlDoc, prefix: readonly string[]): TomlEntry[] {
  return doc.entries
    .filter((entry) => entry.path.length > prefix.length && startsWith(entry.path, prefix))
    .map((entry) => ({ ...entry, path: entry.path.slice(prefix.length) }));
}

/** The entry at exactly `path`, if any. */
export function entryAt(doc: TomlDoc, path: readonly string[]): TomlEntry | undefined {
  return doc.entries.find(
    (entry) => entry.path.length === path.length && startsWith(entry.path, path),
  );
}

/** The line a finding about `prefix` points at: its table header, else the file's first line. */
export function tableLine(doc: TomlDoc, prefix: readonly string[]): number {
  for (let length = prefix.length; length > 0; length -= 1) {
    const line = doc.tables.get(prefix.slice(0, length).join("."));
    if (line !== undefined) return line;
  }
  return 1;
}
