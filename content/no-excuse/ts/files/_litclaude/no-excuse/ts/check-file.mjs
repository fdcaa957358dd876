// @ts-check
// Checks one file's text: parse, run the syntax and comment rules, count its lines, and let
// opt-outs silence what they name.
import { checkComments, commentRanges } from "./comments.mjs";
import { RULES, nativeRule } from "./model.mjs";
import { checkSyntax } from "./syntax.mjs";

/** @typedef {typeof import("typescript")} TS */
/** @typedef {import("./model.mjs").Finding} Finding */
/** @typedef {import("./model.mjs").OptOut} OptOut */
/** problem: why the file could not be checked, as text that follows its path */
/** @typedef {{ findings: Finding[], problem?: string }} FileResult */

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;

/**
 * The parser's syntax errors. SourceFile.parseDiagnostics is what typescript-eslint reads too;
 * it is not in the published typings, so it is checked before use.
 * @param {import("typescript").SourceFile} source
 * @returns {import("typescript").Diagnostic[] | undefined}
 */
function parseErrors(source) {
  const found = "parseDiagnostics" in source ? source.parseDiagnostics : undefined;
  return Array.isArray(found) ? found : undefined;
}

/**
 * Lines that hold code, counted as ESLint's max-lines counts them with skipBlankLines and
 * skipComments: a line that is blank once its comments are blanked out does not count.
 * @param {string} text
 * @param {{ pos: number, end: number }[]} comments
 */
function codeLines(text, comments) {
  let blanked = "";
  let cursor = 0;
  for (const { pos, end } of comments) {
    blanked += text.slice(cursor, pos) + text.slice(pos, end).replace(/[^\r\n\u2028\u2029]/g, " ");
    cursor = end;
  }
  blanked += text.slice(cursor);
  return blanked.split(LINE_BREAK).filter((line) => line.trim() !== "").length;
}

/**
 * @param {Finding} finding
 * @param {OptOut} optOut
 */
function reaches(finding, optOut) {
  if (optOut.rule !== finding.rule) return false;
  if (optOut.covers.includes(finding.line)) return true;
  const { optOutFrom: from, optOutTo: to } = finding;
  return optOut.native === undefined && from !== undefined && to !== undefined
    ? optOut.line >= from && optOut.line <= to
    : false;
}

/**
 * Applies the opt-outs: an ESLint disable comment silences the finding its rule repeats; our
 * own opt-out comment silences a finding no ESLint rule reports, and is reported as unused
 * when it reaches no finding at all.
 * @param {Finding[]} found
 * @param {OptOut[]} optOuts
 * @returns {Finding[]}
 */
function applyOptOuts(found, optOuts) {
  /** @type {Set<OptOut>} */
  const used = new Set();
  /** @type {Finding[]} */
  const kept = [];
  for (const finding of found) {
    const reaching = optOuts.filter((optOut) => reaches(finding, optOut));
    for (const optOut of reaching) used.add(optOut);
    if (reaching.some((optOut) => optOut.native === finding.native)) continue;
    const wrongForm = finding.native !== undefined && reaching.length > 0;
    const native = finding.native ?? "";
    const form =
      finding.rule === "file-too-long"
        ? `/* eslint-disable ${native} -- REASON */`
        : `// eslint-disable-next-line ${native} -- REASON`;
    const hint = `; ESLint reports this too, so the one opt-out is \`${form}\``;
    kept.push(wrongForm ? { ...finding, message: finding.message + hint } : finding);
  }
  for (const optOut of optOuts) {
    if (used.has(optOut) || optOut.native !== undefined) continue;
    const message = `no-excuse-ok: ${optOut.rule} silences nothing: no ${optOut.rule} finding on this line or the next; remove it`;
    kept.push({ line: optOut.line, column: optOut.column, rule: "unused-opt-out", message });
  }
  return kept;
}

/**
 * @param {TS} ts
 * @param {string} file
 * @param {string} text
 * @param {number} maxLines
 * @returns {FileResult}
 */
export function checkFile(ts, file, text, maxLines) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const errors = parseErrors(source);
  if (errors === undefined) {
    return { findings: [], problem: `: typescript ${ts.version} does not report syntax errors` };
  }
  const first = errors[0];
  if (first !== undefined) {
    const at = source.getLineAndCharacterOfPosition(first.start ?? 0);
    const reason = ts.flattenDiagnosticMessageText(first.messageText, " ");
    const where = `${String(at.line + 1)}:${String(at.character + 1)}`;
    return { findings: [], problem: `:${where} does not parse: ${reason}` };
  }
  const ranges = commentRanges(ts, source);
  const comments = checkComments(ts, source, ranges);
  const found = [...checkSyntax(ts, source), ...comments.findings];
  const rawLines = text.split(LINE_BREAK).length;
  const lineCount = rawLines > maxLines ? codeLines(text, ranges) : rawLines;
  if (lineCount > maxLines) {
    const message = `${String(lineCount)} lines of code (blank and comment lines not counted), the limit is ${String(maxLines)}: ${RULES["file-too-long"] ?? ""}`;
    const native = nativeRule("file-too-long", file);
    found.push({ line: 1, column: 1, rule: "file-too-long", message, native });
  }
  /** @type {Map<string, Finding>} */
  const unique = new Map();
  for (const f of applyOptOuts(found, comments.optOuts)) {
    unique.set(`${String(f.line)}:${String(f.column)}:${f.rule}`, f);
  }
  const findings = [...unique.values()].sort(
    (a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
  return { findings };
}
