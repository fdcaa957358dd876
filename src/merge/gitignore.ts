import { eolOf, withFinalEol, type MergeResult } from "./types.js";

export const GITIGNORE_HEADER = "# added by create-litclaude";

/** A line as git compares it for our purpose: without the line ending's carriage return. */
function bare(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}

/**
 * Exact-line union: every byte of the user's file stays; each incoming pattern line the file
 * does not hold exactly (never a substring match) is appended, in incoming order, under one
 * header. Incoming comments and blank lines are not copied; a rerun adds nothing.
 */
export function mergeGitignore(current: string, incoming: string): MergeResult {
  if (current === "") return { ok: true, text: incoming };
  const have = new Set(current.split("\n").map(bare));
  const missing = [
    ...new Set(
      incoming
        .split("\n")
        .map(bare)
        .filter((line) => line.trim() !== "" && !line.startsWith("#") && !have.has(line)),
    ),
  ];
  if (missing.length === 0) return { ok: true, text: current };
  const eol = eolOf(current);
  const base = withFinalEol(current, eol);
  const header = have.has(GITIGNORE_HEADER) ? [] : [GITIGNORE_HEADER];
  const lastLine = base.split("\n").at(-2) ?? "";
  const gap = have.has(GITIGNORE_HEADER) || bare(lastLine) === "" ? "" : eol;
  return { ok: true, text: `${base}${gap}${[...header, ...missing].join(eol)}${eol}` };
}
