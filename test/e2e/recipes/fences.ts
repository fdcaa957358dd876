// Fenced code blocks of a markdown file, found the way CommonMark finds them: an opening fence
// of three or more backticks or tildes indented by at most three spaces, content up to a closing
// fence of the same character at least as long, the opening indentation removed from each line.
// Containers (list items, block quotes) are not followed: a fence inside one is reported instead
// of being silently skipped, so no recipe can hide where this parser does not look.

export interface Fence {
  /** The info string after the opening fence, trimmed. */
  readonly info: string;
  /** The content lines, each ending in a newline. */
  readonly body: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

export class FenceError extends Error {
  readonly line: number;

  constructor(line: number, problem: string) {
    super(`line ${String(line)}: ${problem}`);
    this.name = "FenceError";
    this.line = line;
  }
}

interface Opening {
  readonly marker: string;
  readonly indent: number;
  readonly info: string;
}

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const NESTED_FENCE = /^(?: {4,}|\t|\s*>|\s*(?:[-*+]|\d+[.)])\s+)\s*(?:`{3,}|~{3,})/;

function opening(line: string): Opening | undefined {
  const match = OPENING.exec(line);
  if (match === null) return undefined;
  const [, indent = "", marker = "", rest = ""] = match;
  // A backtick fence's info string may not hold a backtick (that line is inline code instead).
  if (marker.startsWith("`") && rest.includes("`")) return undefined;
  return { marker, indent: indent.length, info: rest.trim() };
}

function closes(line: string, open: Opening): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  const marker = match?.[1];
  return marker?.startsWith(open.marker.charAt(0)) === true && marker.length >= open.marker.length;
}

function stripIndent(line: string, indent: number): string {
  let removed = 0;
  while (removed < indent && line[removed] === " ") removed += 1;
  return line.slice(removed);
}

/** Every fenced code block in `text`, in order; throws FenceError for an unclosed or nested one. */
export function parseFences(text: string): readonly Fence[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines.at(-1) === "") lines.pop();
  const fences: Fence[] = [];
  let open: (Opening & { readonly line: number; readonly body: string[] }) | undefined;
  for (const [index, line] of lines.entries()) {
    const lineNumber = index + 1;
    if (open === undefined) {
      const found = opening(line);
      if (found !== undefined) {
        open = { ...found, line: lineNumber, body: [] };
      } else if (NESTED_FENCE.test(line)) {
        throw new FenceError(
          lineNumber,
          "a code fence inside a list, a block quote or an indented block; start it at the margin",
        );
      }
    } else if (closes(line, open)) {
      fences.push({ info: open.info, body: open.body.join(""), line: open.line });
      open = undefined;
    } else {
      open.body.push(`${stripIndent(line, open.indent)}\n`);
    }
  }
  if (open !== undefined) {
    throw new FenceError(open.line, `the code fence ${open.marker} opened here is never closed`);
  }
  return fences;
}
