/**
 * The outcome of merging what a file holds with what we want to add to it: the merged text; a
 * conflict (the file is the user's and we may not change it); or a malformed file, with the line
 * and column (1-based) of the first problem.
 */
export type MergeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly conflict: true; readonly reason: string }
  | {
      readonly ok: false;
      readonly conflict?: false;
      readonly reason: string;
      readonly line: number | undefined;
      readonly column?: number;
    };

/** A pure merger: never reads or writes files, same inputs give the same output. */
export type Merger = (current: string, incoming: string) => MergeResult;

export function malformed(reason: string, line: number, column: number): MergeResult {
  return { ok: false, reason, line, column };
}

/** 1-based line and column of a character offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    if (text[index] === "\n") {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The line ending a file uses, so lines we add look like the user's. */
export function eolOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

/** `text` with a final line ending, unless it is empty. */
export function withFinalEol(text: string, eol: string): string {
  return text === "" || text.endsWith("\n") ? text : `${text}${eol}`;
}
