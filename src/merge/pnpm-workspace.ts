import { isScalar, isSeq, parseDocument } from "yaml";
import { eolOf, malformed, type MergeResult } from "./types.js";

function packagesOf(
  text: string,
):
  | MergeResult
  | { readonly items: readonly string[]; readonly doc: ReturnType<typeof parseDocument> } {
  const doc = parseDocument(text);
  const first = doc.errors[0];
  if (first !== undefined) {
    const [at] = first.linePos ?? [];
    return malformed(first.message.split("\n")[0] ?? first.message, at?.line ?? 1, at?.col ?? 1);
  }
  const list: unknown = doc.get("packages", true);
  const items = isSeq(list)
    ? list.items.map((item) => (isScalar(item) ? String(item.value) : ""))
    : [];
  return { items, doc };
}

/**
 * Adds our folders to `packages:` of the user's pnpm-workspace.yaml, one `- item` line after the
 * last, indented like it; everything else stays byte for byte.
 */
export function mergePnpmWorkspace(current: string, incoming: string): MergeResult {
  if (current === "") return { ok: true, text: incoming };
  const mine = packagesOf(current);
  if ("ok" in mine) return mine;
  const theirs = packagesOf(incoming);
  if ("ok" in theirs) return theirs;
  const missing = theirs.items.filter((item) => !mine.items.includes(item));
  if (missing.length === 0) return { ok: true, text: current };
  const list: unknown = mine.doc.get("packages", true);
  const last = isSeq(list) && list.flow !== true ? list.items.at(-1) : undefined;
  const end = isScalar(last) ? last.range?.[1] : undefined;
  if (!isScalar(last) || end === undefined) {
    return { ok: false, conflict: true, reason: "`packages:` is not a block list we can add to" };
  }
  const start = last.range?.[0] ?? end;
  const lineStart = current.lastIndexOf("\n", start - 1) + 1;
  const prefix = current.slice(lineStart, start);
  const eol = eolOf(current);
  const lineEnd = current.indexOf("\n", end);
  const at =
    lineEnd === -1 ? current.length : current[lineEnd - 1] === "\r" ? lineEnd - 1 : lineEnd;
  const added = missing.map((item) => `${eol}${prefix}${JSON.stringify(item)}`).join("");
  const tail = lineEnd === -1 ? eol : "";
  return { ok: true, text: `${current.slice(0, at)}${added}${current.slice(at)}${tail}` };
}
