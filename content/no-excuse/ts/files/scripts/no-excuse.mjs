// @ts-check
// no-excuse for TypeScript: reports the escape hatches that tsc and typescript-eslint
// let through or that a config change could switch off. Run it as scripts/no-excuse.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkComments } from "./no-excuse-comments.mjs";
import { collect } from "./no-excuse-files.mjs";
import { checkSyntax } from "./no-excuse-syntax.mjs";

/** @typedef {typeof import("typescript")} TS */
/** @typedef {import("./no-excuse-model.mjs").Finding} Finding */
/** @typedef {{ paths: string[], json: boolean, help: boolean, maxLines: number }} Options */

const USAGE = `usage: scripts/no-excuse [PATH...] [--json] [--max-lines N]
  PATH         files or directories to check (default: the whole project)
  --json       print one JSON object instead of text
  --max-lines  longest allowed file (default 250, or NO_EXCUSE_MAX_LINES)
exit status: 0 clean, 1 findings, 2 usage or unreadable input
`;

// The project this copy of the checker lives in: scripts/ sits at its root.
const ROOT = fileURLToPath(new URL("..", import.meta.url));

class UsageError extends Error {}

/** @param {string} text @param {string} source */
function parseMaxLines(text, source) {
  if (!/^[0-9]+$/.test(text) || Number(text) < 1) {
    throw new UsageError(`${source} needs a whole number above zero, not '${text}'`);
  }
  return Number(text);
}

/**
 * @param {string[]} argv
 * @param {string} envMaxLines
 * @returns {Options}
 */
function parseOptions(argv, envMaxLines) {
  /** @type {Options} */
  const options = { paths: [], json: false, help: false, maxLines: 250 };
  if (envMaxLines !== "") options.maxLines = parseMaxLines(envMaxLines, "NO_EXCUSE_MAX_LINES");
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    if (arg === "--json") options.json = true;
    else if (arg === "--help" || arg === "-h") options.help = true;
    else if (arg === "--max-lines") {
      i += 1;
      options.maxLines = parseMaxLines(argv[i] ?? "", "--max-lines");
    } else if (arg.startsWith("--max-lines=")) {
      options.maxLines = parseMaxLines(arg.slice("--max-lines=".length), "--max-lines");
    } else if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}`);
    else options.paths.push(arg);
  }
  return options;
}

/**
 * @param {unknown} value
 * @returns {value is TS}
 */
function isTypeScript(value) {
  return typeof value === "object" && value !== null && "createSourceFile" in value;
}

/**
 * The project's own typescript first, then the one beside this script; loaded once per run.
 * @param {string} cwd
 * @returns {TS}
 */
function loadTypeScript(cwd) {
  for (const from of [path.join(cwd, "package.json"), import.meta.url]) {
    try {
      /** @type {unknown} */
      const loaded = createRequire(from)("typescript");
      if (isTypeScript(loaded)) return loaded;
      throw new UsageError(`the typescript package found from ${from} has no compiler API`);
    } catch (error) {
      if (!(error instanceof Error) || !("code" in error)) throw error;
      if (error.code !== "MODULE_NOT_FOUND") throw error;
    }
  }
  throw new UsageError("cannot load the typescript package; run npm install first");
}

/**
 * @param {TS} ts
 * @param {string} file
 * @param {string} text
 * @param {number} maxLines
 * @returns {Finding[]}
 */
function checkFile(ts, file, text, maxLines) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const comments = checkComments(ts, source);
  const found = [...checkSyntax(ts, source), ...comments.findings];
  const lineCount = text.split(/\r\n|\r|\n/).length - (/(\r\n|\r|\n)$/.test(text) ? 1 : 0);
  if (lineCount > maxLines) {
    const message = `${String(lineCount)} lines, the limit is ${String(maxLines)}: split the module`;
    found.push({ line: 1, column: 1, rule: "file-too-long", message });
  }
  /** @param {Finding} f @param {number} line */
  const optedOut = (f, line) => comments.optOuts.has(`${String(line)}:${f.rule}`);
  /** @type {Map<string, Finding>} */
  const unique = new Map();
  for (const f of found) {
    if (optedOut(f, f.line) || optedOut(f, f.line - 1)) continue;
    unique.set(`${String(f.line)}:${String(f.column)}:${f.rule}`, f);
  }
  return [...unique.values()].sort(
    (a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

/** @param {string} file @param {string} cwd */
function shown(file, cwd) {
  const relative = path.relative(cwd, file);
  const inside = !relative.startsWith("..") && !path.isAbsolute(relative);
  return (inside ? relative : file).split(path.sep).join("/");
}

/**
 * @param {{ path: string, finding: Finding }[]} results
 * @param {number} files
 * @param {boolean} json
 */
function report(results, files, json) {
  if (json) {
    const findings = results.map(({ path: p, finding: f }) => ({ path: p, ...f }));
    return `${JSON.stringify({ files, findings }, null, 2)}\n`;
  }
  const lines = results.map(({ path: p, finding: f }) => {
    return `${p}:${String(f.line)}:${String(f.column)} ${f.rule} ${f.message}`;
  });
  const touched = new Set(results.map((r) => r.path)).size;
  const counts = `${String(results.length)} finding(s) in ${String(touched)} of ${String(files)} file(s)`;
  const clean = `${String(files)} file(s) checked, no findings`;
  return [...lines, `no-excuse: ${results.length > 0 ? counts : clean}`].join("\n") + "\n";
}

/**
 * A file's text; an unreadable file is noted and the run goes on with the others.
 * @param {string} file
 * @param {string[]} unreadable
 */
function readOrUndefined(file, unreadable) {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    unreadable.push(`cannot read: ${error.message}`);
    return undefined;
  }
}

/**
 * Runs the checker as a command and returns its exit status.
 * @param {string[]} argv
 * @param {string} cwd
 */
function main(argv, cwd) {
  try {
    const options = parseOptions(argv, process.env["NO_EXCUSE_MAX_LINES"] ?? "");
    if (options.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const targets = options.paths.map((p) => path.resolve(cwd, p));
    const files = collect(ROOT, targets.length > 0 ? targets : [ROOT]);
    const ts = files.length > 0 ? loadTypeScript(cwd) : undefined;
    /** @type {{ path: string, finding: Finding }[]} */
    const results = [];
    /** @type {string[]} */
    const unreadable = [];
    for (const file of files) {
      const text = readOrUndefined(file, unreadable);
      if (ts === undefined || text === undefined) continue;
      const found = checkFile(ts, file, text, options.maxLines);
      for (const finding of found) results.push({ path: shown(file, cwd), finding });
    }
    process.stdout.write(report(results, files.length, options.json));
    for (const message of unreadable) process.stderr.write(`no-excuse: ${message}\n`);
    if (unreadable.length > 0) return 2;
    return results.length > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const usage = error instanceof UsageError ? `\n${USAGE}` : "";
    process.stderr.write(`no-excuse: ${error.message}${usage}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2), process.cwd());
