import { eolOf, malformed, withFinalEol, type MergeResult } from "./types.js";

const USE_LINE = /^use\s+(\S+)\s*(\/\/.*)?$/;
const USE_BLOCK = /^use\s*\(\s*$/;

function normal(dir: string): string {
  return dir.replace(/^\.\//, "").replace(/\/$/, "") || ".";
}

type Uses =
  | { readonly ok: true; readonly dirs: ReadonlySet<string>; readonly blockEnd: number | undefined }
  | { readonly ok: false; readonly result: MergeResult };

/** The folders a go.work uses, and the line index of its `use (` block's `)`. */
function uses(lines: readonly string[]): Uses {
  const dirs = new Set<string>();
  let blockEnd: number | undefined;
  let open: number | undefined;
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, "").trim();
    if (open !== undefined) {
      if (line === ")") {
        blockEnd = index;
        open = undefined;
      } else if (line !== "" && !line.startsWith("//")) {
        dirs.add(normal(line.split(/\s+/)[0] ?? ""));
      }
    } else if (USE_BLOCK.test(line)) open = index;
    else {
      const single = USE_LINE.exec(line);
      if (single?.[1] !== undefined) dirs.add(normal(single[1]));
    }
  }
  if (open !== undefined) {
    return { ok: false, result: malformed("the `use (` block has no closing `)`", open + 1, 1) };
  }
  return { ok: true, dirs, blockEnd };
}

/** Adds our `use` folders to the user's go.work: inside its `use (` block, or as new lines. */
export function mergeGoWork(current: string, incoming: string): MergeResult {
  if (current === "") return { ok: true, text: incoming };
  const eol = eolOf(current);
  const mine = uses(current.split("\n"));
  if (!mine.ok) return mine.result;
  const theirs = uses(incoming.split("\n"));
  if (!theirs.ok) return theirs.result;
  const missing = [...theirs.dirs].filter((dir) => !mine.dirs.has(dir));
  if (missing.length === 0) return { ok: true, text: current };
  if (mine.blockEnd !== undefined) {
    const lines = current.split("\n");
    const added = missing.map((dir) => `\t./${dir}${eol === "\r\n" ? "\r" : ""}`);
    lines.splice(mine.blockEnd, 0, ...added);
    return { ok: true, text: lines.join("\n") };
  }
  const added = missing.map((dir) => `use ./${dir}`).join(eol);
  return { ok: true, text: `${withFinalEol(current, eol)}${eol}${added}${eol}` };
}
