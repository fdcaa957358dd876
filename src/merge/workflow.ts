import { isMap, isScalar, parseDocument, type Document, type Pair, type YAMLMap } from "yaml";
import { eolOf, malformed, positionAt, withFinalEol, type MergeResult } from "./types.js";

type Parsed =
  | { readonly ok: true; readonly doc: Document; readonly jobs: YAMLMap | undefined }
  | { readonly ok: false; readonly result: MergeResult };

function parse(text: string, whose: string): Parsed {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const first = doc.errors[0];
  if (first !== undefined) {
    const [at] = first.linePos ?? [];
    const reason = first.message.split("\n")[0] ?? first.message;
    return { ok: false, result: malformed(`${whose}${reason}`, at?.line ?? 1, at?.col ?? 1) };
  }
  const jobs: unknown = isMap(doc.contents) ? doc.contents.get("jobs", true) : undefined;
  return { ok: true, doc, jobs: isMap(jobs) ? jobs : undefined };
}

function keyName(pair: Pair): string | undefined {
  return isScalar(pair.key) && typeof pair.key.value === "string" ? pair.key.value : undefined;
}

function columnOf(text: string, offset: number): number {
  return positionAt(text, offset).column - 1;
}

/** A job's lines as they stand in `text`, moved from column `from` to column `to`. */
function jobText(text: string, pair: Pair, from: number, to: number): string | undefined {
  const start = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
  const end = isScalar(pair.value) || isMap(pair.value) ? pair.value.range?.[1] : undefined;
  if (start === undefined || end === undefined) return undefined;
  const lines = withFinalEol(text.slice(start, end), "\n").split("\n").slice(0, -1);
  const shift = (line: string, index: number): string => {
    if (index === 0 || line.trim() === "") return index === 0 ? " ".repeat(to) + line : line;
    return to >= from ? " ".repeat(to - from) + line : line.slice(from - to);
  };
  return `${lines.map(shift).join("\n")}\n`;
}

/**
 * Adds each job of the incoming workflow that the user's workflow lacks, after its last job,
 * re-indented to match; the user's jobs, comments and formatting stay byte for byte. A job the
 * user already has (by name) is theirs and is left alone.
 */
export function mergeWorkflow(current: string, incoming: string): MergeResult {
  if (current === "") return { ok: true, text: incoming };
  const theirs = parse(incoming, "the workflow to merge in is malformed: ");
  if (!theirs.ok) return theirs.result;
  const mine = parse(current, "");
  if (!mine.ok) return mine.result;
  const ourJobs = theirs.jobs;
  const userJobs = mine.jobs;
  if (ourJobs === undefined) return { ok: true, text: current };
  if (userJobs === undefined || userJobs.flow === true) {
    return {
      ok: false,
      conflict: true,
      reason: "the workflow has no block-style `jobs:` map to add a job to",
    };
  }
  const have = new Set(userJobs.items.map(keyName));
  const missing = ourJobs.items.filter((pair) => !have.has(keyName(pair)));
  if (missing.length === 0) return { ok: true, text: current };
  const last = userJobs.items.at(-1);
  const firstKey = userJobs.items[0]?.key;
  const ourFirstKey = ourJobs.items[0]?.key;
  const lastEnd = last !== undefined && isMap(last.value) ? last.value.range?.[1] : undefined;
  const userColumn = isScalar(firstKey) ? firstKey.range?.[0] : undefined;
  const ourColumn = isScalar(ourFirstKey) ? ourFirstKey.range?.[0] : undefined;
  if (lastEnd === undefined || userColumn === undefined || ourColumn === undefined) {
    return { ok: false, conflict: true, reason: "the workflow's last job is not a map of steps" };
  }
  const from = columnOf(incoming, ourColumn);
  const to = columnOf(current, userColumn);
  const added = missing.map((pair) => jobText(incoming, pair, from, to) ?? "").join("");
  const eol = eolOf(current);
  const lineEnd = current.indexOf("\n", lastEnd - 1);
  const at =
    current[lastEnd - 1] === "\n" ? lastEnd : lineEnd === -1 ? current.length : lineEnd + 1;
  const before = withFinalEol(current.slice(0, at), eol);
  return { ok: true, text: `${before}${added.replaceAll("\n", eol)}${current.slice(at)}` };
}
