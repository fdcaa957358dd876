// @ts-check
// The rules that read comments: @ts- directives, eslint-disable, and the opt-outs.
import { BY_NATIVE, FINAL, RULES, nativeRule } from "./model.mjs";

/** @typedef {typeof import("typescript")} TS */
/** @typedef {import("typescript").Node} Node */
/** @typedef {import("./model.mjs").Finding} Finding */
/** @typedef {import("./model.mjs").OptOut} OptOut */
/** @typedef {{ findings: Finding[], optOuts: OptOut[] }} Comments */
/** @typedef {{ pos: number, end: number }} Range */

// Files without any of these words cannot hold a comment the rules care about.
const MARKERS = /@ts-|eslint|no-excuse-ok/;
const TS_DIRECTIVE = /^@ts-(ignore|expect-error|nocheck)\b/;
const ESLINT_DISABLE = /^eslint-disable(-next-line|-line)?\b(.*)$/s;
// A rule-settings comment: /* eslint no-console: "off" */
const ESLINT_CONFIG = /^eslint\s+[^\s:]+\s*:/;
const OPT_OUT = /^no-excuse-ok\b(.*)$/s;

/**
 * Every comment in the file. The tree splits the text into tokens it keeps as nodes (names,
 * literals, templates) and the punctuation between them; only the trivia before a kept token
 * and the gaps between a node's children are scanned, so text inside strings, templates and
 * regular expressions is never mistaken for a comment. The walk keeps its own stack, so deeply
 * nested code cannot exhaust the call stack.
 * @param {TS} ts
 * @param {import("typescript").SourceFile} file
 * @returns {Range[]}
 */
export function commentRanges(ts, file) {
  /** @type {Range[]} */
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
  /** @type {(Node | Range)[]} work items: a node to open, or a gap to scan */
  const stack = [file];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (!("kind" in item)) {
      scan(item.pos, item.end);
      continue;
    }
    const node = item;
    /** @type {Node[]} */
    const children = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    if (children.length === 0) {
      if (node.kind !== k.JsxText) scan(node.pos, node.getStart(file));
      // A node with no children that is not a token (an empty block, `{}`, `[]`) holds only
      // punctuation and trivia: a comment inside it is a comment. A token's text is not.
      if (node.kind >= k.FirstNode) scan(node.getStart(file), node.end);
      continue;
    }
    /** @type {(Node | Range)[]} */
    const inOrder = [];
    let cursor = node.pos;
    for (const child of children) {
      inOrder.push({ pos: cursor, end: child.pos }, child);
      cursor = Math.max(cursor, child.end);
    }
    inOrder.push({ pos: cursor, end: node.end });
    stack.push(...inOrder.reverse());
  }
  return ranges.sort((a, b) => a.pos - b.pos);
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
 * An eslint directive: what is wrong with it, or the rules it turns off (with a reason).
 * @param {string} body one comment line without its punctuation
 * @param {boolean} block whether it is a block comment (rule settings live only there)
 * @returns {{ problem: string } | { kind: string, rules: string[] } | undefined}
 */
function eslintDirective(body, block) {
  const disable = ESLINT_DISABLE.exec(body);
  if (disable === null) {
    const unexplained = block && ESLINT_CONFIG.test(body) && !/\s--\s+\S/.test(body);
    return unexplained
      ? { problem: "an eslint rule-settings comment needs ' -- REASON'" }
      : undefined;
  }
  const [rules = "", reason] = (disable[2] ?? "").split(/\s--\s|\s--$/, 2);
  if (rules.trim() === "") return { problem: "eslint-disable must name the rules it turns off" };
  if (reason === undefined || reason.trim() === "") {
    return { problem: "eslint-disable needs ' -- REASON'" };
  }
  const names = rules.split(",").map((rule) => rule.trim());
  return { kind: disable[1] ?? "", rules: names.filter((rule) => rule !== "") };
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
  if (FINAL.has(rule)) return { problem: `${rule} has no opt-out` };
  return { rule };
}

/**
 * The opt-outs one reasoned eslint-disable comment gives, for the no-excuse rules it repeats.
 * -next-line covers the line after the comment, -line its own line, and a block comment that
 * disables max-lines covers file-too-long (a whole-file rule, reported on line 1).
 * @param {{ kind: string, rules: string[] }} directive
 * @param {{ line: number, column: number, endLine: number, block: boolean }} at
 * @returns {OptOut[]}
 */
function nativeOptOuts(directive, at) {
  /** @type {OptOut[]} */
  const found = [];
  for (const native of directive.rules) {
    const rule = BY_NATIVE.get(native);
    if (rule === undefined) continue;
    const { line, column } = at;
    if (directive.kind === "-next-line") {
      found.push({ rule, line, column, covers: [at.endLine + 1], native });
    } else if (directive.kind === "-line") {
      found.push({ rule, line, column, covers: [line], native });
    } else if (at.block && rule === "file-too-long") {
      found.push({ rule, line, column, covers: [1], native });
    }
  }
  return found;
}

/**
 * Reads the comments of one file.
 * @param {TS} ts
 * @param {import("typescript").SourceFile} file
 * @param {Range[]} ranges the file's comments (from commentRanges)
 * @returns {Comments}
 */
export function checkComments(ts, file, ranges) {
  /** @type {Comments} */
  const result = { findings: [], optOuts: [] };
  if (!MARKERS.test(file.text)) return result;
  for (const range of ranges) {
    const block = file.text.startsWith("/*", range.pos);
    const endLine = file.getLineAndCharacterOfPosition(range.end).line + 1;
    for (const { body, offset } of bodyLines(file.text.slice(range.pos, range.end))) {
      const at = file.getLineAndCharacterOfPosition(range.pos + offset);
      const line = at.line + 1;
      const column = at.character + 1;
      /** @param {string} rule @param {string} message */
      const report = (rule, message) => {
        const native = nativeRule(rule, file.fileName);
        result.findings.push({ line, column, rule, message, native });
      };
      const directive = eslintDirective(body, block);
      if (directive !== undefined && "problem" in directive) {
        report("eslint-disable-needs-reason", directive.problem);
      } else if (directive !== undefined) {
        result.optOuts.push(...nativeOptOuts(directive, { line, column, endLine, block }));
      }
      const tsDirective = TS_DIRECTIVE.exec(body)?.[1];
      if (tsDirective === "ignore") report("no-ts-ignore", RULES["no-ts-ignore"] ?? "");
      else if (tsDirective !== undefined) report("no-ts-comment", RULES["no-ts-comment"] ?? "");
      const optOut = OPT_OUT.exec(body);
      if (optOut === null) continue;
      const parsed = parseOptOut(optOut[1] ?? "");
      if ("rule" in parsed) {
        const covers = [line, line + 1];
        result.optOuts.push({ rule: parsed.rule, line, column, covers, native: undefined });
      } else report("opt-out-needs-reason", parsed.problem);
    }
  }
  return result;
}
