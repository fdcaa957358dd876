import type { Language } from "../core/options.js";
import type { Suppression } from "./types.js";

type Found = Omit<Suppression, "file" | "isNew">;

/** Where a comment starts on the line, skipping quoted strings; -1 when there is none. */
function commentStart(line: string, tokens: readonly string[]): number {
  let quote = "";
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index] ?? "";
    if (quote !== "") {
      if (char === "\\") index += 1;
      else if (char === quote) quote = "";
      continue;
    }
    if (char === '"' || char === "'" || char === "`") {
      quote = char;
      continue;
    }
    if (tokens.some((token) => line.startsWith(token, index))) return index;
  }
  return -1;
}

function split(text: string): { rules: string; reason: string } {
  const at = text.indexOf("--");
  const rules = (at < 0 ? text : text.slice(0, at)).trim();
  const reason = at < 0 ? "" : text.slice(at + 2).trim();
  return {
    rules: rules
      .split(/[\s,]+/)
      .filter((rule) => rule !== "")
      .join(","),
    reason,
  };
}

function noExcuse(comment: string): Found[] {
  const match = /no-excuse-ok:?(.*)$/.exec(comment);
  if (match === null) return [];
  return [{ kind: "no-excuse-ok", line: 0, ...split(match[1] ?? "") }];
}

function tsComment(comment: string): Found[] {
  const eslint = /eslint-disable(?:-next-line|-line)?\b(.*?)(?:\*\/|$)/.exec(comment);
  if (eslint !== null) return [{ kind: "eslint-disable", line: 0, ...split(eslint[1] ?? "") }];
  const directive = /@(ts-expect-error|ts-ignore|ts-nocheck)\b[\s:-]*(.*?)(?:\*\/|$)/.exec(comment);
  if (directive !== null) {
    return [
      { kind: `@${directive[1] ?? ""}`, rules: "", line: 0, reason: (directive[2] ?? "").trim() },
    ];
  }
  // `/* eslint no-console: "off" -- why */` sets rules inline, as a config would.
  const inline = /^\/\*\s*eslint\s+(.*?)\*\//.exec(comment);
  if (inline !== null) {
    const body = inline[1] ?? "";
    const cut = body.indexOf("--");
    const settings = cut < 0 ? body : body.slice(0, cut);
    const rules = [...settings.matchAll(/([@\w/-]+)\s*:/g)].map((match) => match[1] ?? "");
    const reason = cut < 0 ? "" : body.slice(cut + 2).trim();
    return [{ kind: "eslint (inline config)", rules: rules.join(","), line: 0, reason }];
  }
  return noExcuse(comment);
}

function pythonComment(comment: string): Found[] {
  const found: Found[] = [];
  const noqa = /\bnoqa\b(?::\s*([A-Z0-9, ]+))?(.*)$/.exec(comment);
  if (noqa !== null) {
    const reason = (noqa[2] ?? "").replace(/^\s*(--|#)\s*/, "").trim();
    found.push({ kind: "noqa", rules: split(noqa[1] ?? "").rules, line: 0, reason });
  }
  for (const kind of ["pyright: ignore", "type: ignore"]) {
    const at = comment.indexOf(kind);
    if (at < 0) continue;
    const rest = comment.slice(at + kind.length);
    const rules = /^\[([^\]]*)\]/.exec(rest);
    const after = rules === null ? rest : rest.slice(rules[0].length);
    found.push({
      kind,
      rules: split(rules?.[1] ?? "").rules,
      line: 0,
      reason: after.replace(/^\s*(--|#)\s*/, "").trim(),
    });
  }
  return found.length > 0 ? found : noExcuse(comment);
}

function goComment(comment: string): Found[] {
  const nolint = /^\/\/nolint(?::([\w,-]+))?(.*)$/.exec(comment);
  if (nolint !== null) {
    const reason = (nolint[2] ?? "").replace(/^\s*\/\/\s*/, "").trim();
    return [{ kind: "nolint", rules: split(nolint[1] ?? "").rules, line: 0, reason }];
  }
  return noExcuse(comment);
}

/** `#[allow(a, b, reason = "...")]` and friends, from the attribute's text. */
function rustAttribute(text: string): Found[] {
  const match = /#(!?)\[\s*(allow|expect)\s*\((.*)\)\s*\]/s.exec(text);
  if (match === null) return [];
  const body = match[3] ?? "";
  const reason = /reason\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(body)?.[1] ?? "";
  const rules = body
    .replace(/reason\s*=\s*"(?:[^"\\]|\\.)*"/, "")
    .split(",")
    .map((rule) => rule.trim())
    .filter((rule) => rule !== "")
    .join(",");
  const kind = match[1] === "!" ? `#![${match[2] ?? ""}]` : (match[2] ?? "");
  return [{ kind, rules, line: 0, reason }];
}

const COMMENTS: Readonly<
  Record<Language, { tokens: readonly string[]; read: (comment: string) => Found[] }>
> = {
  ts: { tokens: ["//", "/*"], read: tsComment },
  python: { tokens: ["#"], read: pythonComment },
  go: { tokens: ["//", "/*"], read: goComment },
  rust: { tokens: ["//", "/*"], read: noExcuse },
};

/** Every suppression in a file of the language, with its 1-based line. */
export function scanSuppressions(lang: Language, text: string): Found[] {
  const { tokens, read } = COMMENTS[lang];
  const lines = text.split("\n");
  const found: Found[] = [];
  for (const [index, line] of lines.entries()) {
    const start = commentStart(line, tokens);
    const attribute = lang === "rust" ? /#!?\[\s*(allow|expect)\s*\(/.exec(line) : null;
    // An attribute written inside a comment (a doc example) suppresses nothing.
    if (attribute !== null && (start < 0 || attribute.index < start)) {
      const end = lines.findIndex((later, at) => at >= index && later.includes(")]"));
      const text = lines
        .slice(index, end < 0 ? index + 1 : Math.min(end + 1, index + 10))
        .join("\n");
      found.push(...rustAttribute(text).map((item) => ({ ...item, line: index + 1 })));
    }
    if (start < 0) continue;
    found.push(...read(line.slice(start)).map((item) => ({ ...item, line: index + 1 })));
  }
  return found;
}

const EXTENSIONS: Readonly<Record<Language, RegExp>> = {
  ts: /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/,
  python: /\.pyi?$/,
  go: /\.go$/,
  rust: /\.rs$/,
};

export function isSourceOf(lang: Language, path: string): boolean {
  return EXTENSIONS[lang].test(path);
}

function key(item: Found): string {
  return `${item.kind}\0${item.rules}\0${item.reason}`;
}

/**
 * The suppressions of one file, each marked new unless the baseline's copy of the file holds the
 * same one (same kind, rules and reason; counted, so a second copy of an old one is new).
 */
export function fileSuppressions(
  lang: Language,
  file: string,
  text: string,
  baseText: string | undefined,
): Suppression[] {
  const known = new Map<string, number>();
  for (const item of baseText === undefined ? [] : scanSuppressions(lang, baseText)) {
    known.set(key(item), (known.get(key(item)) ?? 0) + 1);
  }
  return scanSuppressions(lang, text).map((item) => {
    const left = known.get(key(item)) ?? 0;
    if (left > 0) known.set(key(item), left - 1);
    return { ...item, file, isNew: left === 0 };
  });
}

/** New ones first, then by file and line. */
export function newFirst(items: readonly Suppression[]): Suppression[] {
  return [...items].sort(
    (a, b) =>
      Number(b.isNew) - Number(a.isNew) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line),
  );
}
