// @ts-check
// no-excuse for TypeScript: reports the escape hatches that tsc and typescript-eslint
// let through or that a config change could switch off. Run it as scripts/no-excuse.
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkFile } from "./check-file.mjs";
import { collect } from "./files.mjs";
import { RULES } from "./model.mjs";

/** @typedef {typeof import("typescript")} TS */
/** @typedef {import("./model.mjs").Finding} Finding */
/** @typedef {{ paths: string[], json: boolean, help: boolean, maxLines: number }} Options */

const USAGE = `usage: scripts/no-excuse [PATH...] [--json] [--max-lines N]
  PATH         files or directories to check (default: the whole project)
  --json       print one JSON object instead of text
  --max-lines  longest allowed file (default 250, or NO_EXCUSE_MAX_LINES)
exit status: 0 clean, 1 findings, 2 usage, or a file it cannot read or parse
`;

// Past this size a file is reported, not parsed: one file must stay well under a second.
const MAX_BYTES = 512 * 1024;

// The project this copy of the checker lives in: it sits in .litclaude/no-excuse/ts/.
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

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
 * The project's own typescript (resolved from its root, never from the caller's folder), then
 * the one beside this script; loaded once per run.
 * @returns {TS}
 */
function loadTypeScript() {
  for (const from of [path.join(ROOT, "package.json"), import.meta.url]) {
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
 * @param {number} unchecked files that could not be checked (named on stderr)
 */
function report(results, files, json, unchecked) {
  if (json) {
    const findings = results.map(({ path: p, finding: f }) => ({
      path: p,
      line: f.line,
      column: f.column,
      rule: f.rule,
      message: f.message,
    }));
    return `${JSON.stringify({ files, findings }, null, 2)}\n`;
  }
  const lines = results.map(({ path: p, finding: f }) => {
    return `${p}:${String(f.line)}:${String(f.column)} ${f.rule} ${f.message}`;
  });
  const touched = new Set(results.map((r) => r.path)).size;
  const counts = `${String(results.length)} finding(s) in ${String(touched)} of ${String(files)} file(s)`;
  const clean = `${String(files)} file(s) checked, no findings`;
  const failed = unchecked > 0 ? `; ${String(unchecked)} of them could not be checked` : "";
  return [...lines, `no-excuse: ${results.length > 0 ? counts : clean}${failed}`].join("\n") + "\n";
}

/**
 * Checks one file: its findings, or the reason it could not be checked (unreadable, not
 * parseable, nested deeper than the parser's call stack).
 * @param {() => TS} ts
 * @param {string} file
 * @param {string} shownAs
 * @param {number} maxLines
 * @returns {{ findings: Finding[], problem?: string }}
 */
function checkOne(ts, file, shownAs, maxLines) {
  try {
    const bytes = statSync(file).size;
    if (bytes > MAX_BYTES) {
      const message = `${String(bytes)} bytes, the limit is ${String(MAX_BYTES)}: ${RULES["file-too-large"] ?? ""}`;
      return { findings: [{ line: 1, column: 1, rule: "file-too-large", message }] };
    }
    const result = checkFile(ts(), file, readFileSync(file, "utf8"), maxLines);
    if (result.problem === undefined) return result;
    return { findings: [], problem: `${shownAs}${result.problem}` };
  } catch (error) {
    if (error instanceof RangeError) {
      return { findings: [], problem: `${shownAs}: nested too deeply to check (${error.message})` };
    }
    if (error instanceof UsageError || !(error instanceof Error) || !("code" in error)) throw error;
    return { findings: [], problem: `${shownAs}: cannot read: ${error.message}` };
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
    /** @type {TS | undefined} */
    let loaded;
    const ts = () => (loaded ??= loadTypeScript());
    /** @type {{ path: string, finding: Finding }[]} */
    const results = [];
    /** @type {string[]} */
    const problems = [];
    for (const file of files) {
      const shownAs = shown(file, cwd);
      const { findings, problem } = checkOne(ts, file, shownAs, options.maxLines);
      if (problem !== undefined) problems.push(problem);
      for (const finding of findings) results.push({ path: shownAs, finding });
    }
    process.stdout.write(report(results, files.length, options.json, problems.length));
    for (const message of problems) process.stderr.write(`no-excuse: ${message}\n`);
    if (problems.length > 0) return 2;
    return results.length > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const usage = error instanceof UsageError ? `\n${USAGE}` : "";
    process.stderr.write(`no-excuse: ${error.message}${usage}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2), process.cwd());
