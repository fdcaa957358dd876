import { eolOf, malformed, positionAt, withFinalEol, type MergeResult } from "./types.js";

/** The markers around a region of AGENTS.md or CLAUDE.md the tool owns. */
export function beginMarker(id: string): string {
  return `<!-- litclaude:begin ${id} -->`;
}
export function endMarker(id: string): string {
  return `<!-- litclaude:end ${id} -->`;
}

/** Wraps a body in the markers of its section. */
export function markedSection(id: string, body: string): string {
  return `${beginMarker(id)}\n${withFinalEol(body, "\n")}${endMarker(id)}\n`;
}

const MARKER = /<!-- litclaude:(begin|end) ([\w./-]+) -->/g;

interface Section {
  readonly id: string;
  /** Offset of the begin marker and just past the end marker. */
  readonly start: number;
  readonly end: number;
}

type Scan =
  | { readonly ok: true; readonly sections: readonly Section[] }
  | { readonly ok: false; readonly result: MergeResult };

function scan(text: string): Scan {
  const sections: Section[] = [];
  let open: { readonly id: string; readonly start: number } | undefined;
  for (const match of text.matchAll(MARKER)) {
    const [whole, kind, id = ""] = match;
    const at = positionAt(text, match.index);
    if (kind === "begin") {
      if (open !== undefined) {
        return {
          ok: false,
          result: malformed(
            `section "${open.id}" is not closed before "${id}" begins`,
            at.line,
            at.column,
          ),
        };
      }
      open = { id, start: match.index };
    } else if (open?.id !== id) {
      return {
        ok: false,
        result: malformed(`end marker of "${id}" without its begin marker`, at.line, at.column),
      };
    } else {
      sections.push({ id, start: open.start, end: match.index + whole.length });
      open = undefined;
    }
  }
  if (open !== undefined) {
    const at = positionAt(text, open.start);
    return {
      ok: false,
      result: malformed(`section "${open.id}" has no end marker`, at.line, at.column),
    };
  }
  return { ok: true, sections };
}

/**
 * Drops from a new section the `@file` import lines the file holds already (a CLAUDE.md that
 * imports AGENTS.md itself): Claude Code would load the file twice.
 */
function withoutImportsHeld(body: string, held: ReadonlySet<string>, eol: string): string {
  return body
    .split(eol)
    .filter((line) => !held.has(line))
    .join(eol);
}

/**
 * Replaces each marked section of `incoming` in place in `current`, or appends it when the file
 * does not hold it yet. Every byte outside the markers stays as it was.
 */
export function mergeSections(current: string, incoming: string): MergeResult {
  if (current === "") return { ok: true, text: incoming };
  const mine = scan(current);
  if (!mine.ok) return mine.result;
  const theirs = scan(incoming);
  if (!theirs.ok) return theirs.result;
  if (theirs.sections.length === 0) {
    return {
      ok: false,
      conflict: true,
      reason: "the file is the user's and we own no section of it",
    };
  }
  const eol = eolOf(current);
  const outside = mine.sections.reduceRight(
    (rest, section) => `${rest.slice(0, section.start)}${rest.slice(section.end)}`,
    current,
  );
  const held = new Set(outside.split(/\r?\n/).filter((line) => line.startsWith("@")));
  let text = current;
  let appended = "";
  for (const section of theirs.sections) {
    const body = incoming.slice(section.start, section.end).replaceAll("\n", eol);
    // Offsets move as earlier sections change length: find the section again in the text so far.
    const again = scan(text);
    const place = again.ok ? again.sections.find((have) => have.id === section.id) : undefined;
    if (place === undefined) {
      appended += `${eol}${withoutImportsHeld(body, held, eol)}${eol}`;
    } else {
      text = `${text.slice(0, place.start)}${withoutImportsHeld(body, held, eol)}${text.slice(place.end)}`;
    }
  }
  return { ok: true, text: appended === "" ? text : `${withFinalEol(text, eol)}${appended}` };
}
