// @ts-check
// The rules that read comments: @ts- directives, eslint-disable, and the opt-outs.
import { RULES } from "./no-excuse-model.mjs";

/** @typedef {typeof import("typescript")} TS */
/** @typedef {import("./no-excuse-model.mjs").Finding} Finding */
/** @typedef {{ findings: Finding[], optOuts: Set<string> }} Comments */

// Files without any of these words cannot hold a comment the rules care about.
const MARKERS = /@ts-|eslint|no-excuse-ok/;
const TS_DIRECTIVE = /^@ts-(ignore|expect-error|nocheck)\b/;
const ESLINT_DISABLE = /^eslint-disable(?:-next-line|-line)?\b(.*)$/s;
// A rule-settings comment: /* eslint no-console: "off" */
const ESLINT_CONFIG = /^eslint\s+[^\s:]+\s*:/;
const OPT_OUT = /^no-excuse-ok\b(.*)$/s;

/**
 * Every comment in the file. The tree splits the text into tokens it keeps as nodes (names,
 * literals, templates) and the punctuation between them; only the trivia before a kept token
 * and the gaps between a node's children are scanned, so text inside strings, templates and
 * regular expressions is never mistaken for a comment.
 * @param {TS} ts
 * @param {import("typescript").SourceFile} file
 * @returns {{ pos: number, end: number }[]}
 */
function commentRanges(ts, file) {
  /** @type {{ pos: number, end: number }[]} */
  const ranges = [];
  const k = ts.SyntaxKind;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, file.languageVariant);
  /** @param {number} start @param {number} end */
  const scan = (start, end) => {
    if (start >= end) return;
    scanner.setText(file.text, start, end - start);
    for (let kind = scanner.scan(); kind !== k.EndOfFileToken; kind = scanner.scan()) {
      if (kind === k.SingleLineCommentTrivia || kind === k.MultiLineCommentTrivia) {
        ranges.push({ pos: scanner.getTokenStart(), end: scanner.getTokenEnd() });
      }
    }
  };
  /** @param {import("typescript").Node} node */
  const visit = (node) => {
    /** @type {import("typescript").Node[]} */
    const children = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    if (children.length === 0) {
      if (node.kind !== k.JsxText) scan(node.pos, node.getStart(file));
      return;
    }
    let cursor = node.pos;
    for (const child of children) {
      scan(cursor, child.pos);
      visit(child);
      cursor = Math.max(cursor, child.end);
    }
    scan(cursor, node.end);
  };
  visit(file);
  return ranges;
}

/**
 * The lines of a comment without its // or /* * / punctuation, each with its offset.
 * @param {string} text
 * @returns {{ body: string, offset: number }[]}
 */
function bodyLines(text) {
  const lines = [];
  let offset = 0;
  for (const raw of text.split("\n")) {
    const lead = /^\s*(?:\/\/\/?|\/\*+|\*+(?!\/))?\s*/.exec(raw)?.[0] ?? "";
    const body = raw
      .slice(lead.length)
      .replace(/\s*\*+\/\s*$/, "")
      .trimEnd();
    lines.push({ body, offset: offset + lead.length });
    offset += raw.length + 1;
  }
  return lines;
}

/**
 * What is wrong with an eslint directive, if anything.
 * @param {string} body one comment line without its punctuation
 * @param {boolean} block whether it is a block comment (rule settings live only there)
 */
function eslintProblem(body, block) {
  const disable = ESLINT_DISABLE.exec(body);
  if (disable === null) {
    const unexplained = block && ESLINT_CONFIG.test(body) && !/\s--\s+\S/.test(body);
    return unexplained ? "an eslint rule-settings comment needs ' -- REASON'" : undefined;
  }
  const [rules = "", reason] = (disable[1] ?? "").split(/\s--\s|\s--$/, 2);
  if (rules.trim() === "") return "eslint-disable must name the rules it turns off";
  if (reason === undefined || reason.trim() === "") return "eslint-disable needs ' -- REASON'";
  return undefined;
}

/**
 * @param {string} rest the text after no-excuse-ok
 * @returns {{ rule: string } | { problem: string }}
 */
function parseOptOut(rest) {
  const full = /^\s*:\s*([a-z0-9-]+)\s+--\s+\S/.exec(rest);
  const rule = full?.[1] ?? /^\s*:\s*([a-z0-9-]+)/.exec(rest)?.[1];
  if (rule === undefined) return { problem: "no-excuse-ok needs ': RULE -- REASON'" };
  if (full === null) return { problem: `no-excuse-ok: ${rule} needs ' -- REASON' after the rule` };
  if (!(rule in RULES)) return { problem: `no-excuse-ok names unknown rule '${rule}'` };
  return { rule };
}

/**
 * Reads the comments of one file. Opt-outs are keys "line:rule".
 * @param {TS} ts
 * @param {import("typescript").SourceFile} file
 * @returns {Comments}
 */
export function checkComments(ts, file) {
  /** @type {Comments} */
  const result = { findings: [], optOuts: new Set() };
  if (!MARKERS.test(file.text)) return result;
  for (const range of commentRanges(ts, file)) {
    for (const { body, offset } of bodyLines(file.text.slice(range.pos, range.end))) {
      const at = file.getLineAndCharacterOfPosition(range.pos + offset);
      const line = at.line + 1;
      /** @param {string} rule @param {string} message */
      const report = (rule, message) =>
        result.findings.push({ line, column: at.character + 1, rule, message });
      const problem = eslintProblem(body, file.text.startsWith("/*", range.pos));
      if (problem !== undefined) report("eslint-disable-needs-reason", problem);
      if (TS_DIRECTIVE.test(body)) report("no-ts-comment", RULES["no-ts-comment"] ?? "");
      const optOut = OPT_OUT.exec(body);
      if (optOut === null) continue;
      const parsed = parseOptOut(optOut[1] ?? "");
      if ("rule" in parsed) result.optOuts.add(`${String(line)}:${parsed.rule}`);
      else report("opt-out-needs-reason", parsed.problem);
    }
  }
  return result;
}
