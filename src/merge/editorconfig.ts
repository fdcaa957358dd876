import { eolOf, malformed, withFinalEol, type MergeResult } from "./types.js";

interface Section {
  readonly header: string;
  readonly lines: readonly string[];
}

type Parsed =
  | { readonly ok: true; readonly sections: readonly Section[] }
  | { readonly ok: false; readonly result: MergeResult };

const HEADER = /^\s*\[(.*)\]\s*$/;
const PROPERTY = /^\s*[^=\s][^=]*=.*$/;
const COMMENT = /^\s*[#;]/;

function parse(text: string): Parsed {
  const sections: Section[] = [];
  let header = "";
  let lines: string[] = [];
  const rows = text.split("\n").map((line) => line.replace(/\r$/, ""));
  for (const [index, row] of rows.entries()) {
    const match = HEADER.exec(row);
    if (match !== null) {
      sections.push({ header, lines });
      header = (match[1] ?? "").trim();
      lines = [row];
    } else if (row.trim() === "" || COMMENT.test(row) || PROPERTY.test(row)) {
      lines.push(row);
    } else {
      const column = row.length - row.trimStart().length + 1;
      return {
        ok: false,
        result: malformed("expected `[glob]`, `key = value` or a comment", index + 1, column),
      };
    }
  }
  sections.push({ header, lines });
  return { ok: true, sections };
}

function trimBlankEnd(lines: readonly string[]): readonly string[] {
  const last = lines.findLastIndex((line) => line.trim() !== "");
  return lines.slice(0, last + 1);
}

/**
 * Appends each `[glob]` section of ours the user's .editorconfig lacks. A section the user has
 * (same glob) is theirs, keys and all; the preamble (`root = true`) is theirs too.
 */
export function mergeEditorconfig(current: string, incoming: string): MergeResult {
  if (current === "") return { ok: true, text: incoming };
  const mine = parse(current);
  if (!mine.ok) return mine.result;
  const theirs = parse(incoming);
  if (!theirs.ok) return theirs.result;
  const have = new Set(mine.sections.map((section) => section.header));
  const missing = theirs.sections.filter(
    (section) => section.header !== "" && !have.has(section.header),
  );
  if (missing.length === 0) return { ok: true, text: current };
  const eol = eolOf(current);
  const blocks = missing.map((section) => trimBlankEnd(section.lines).join(eol));
  return { ok: true, text: `${withFinalEol(current, eol)}${eol}${blocks.join(eol + eol)}${eol}` };
}
