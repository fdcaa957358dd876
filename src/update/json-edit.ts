import { applyEdits, findNodeAtLocation, modify, parseTree, type Node } from "jsonc-parser";
import { ABSENT, type ValueEdit } from "./merge-values.js";

function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? "";
}

function unitOf(text: string): string {
  return /^([ \t]+)\S/m.exec(text)?.[1] ?? "  ";
}

function printed(value: unknown, unit: string, indent: string): string {
  return JSON.stringify(value, null, unit).split("\n").join(`\n${indent}`);
}

function splice(text: string, at: number, length: number, insert: string): string {
  return `${text.slice(0, at)}${insert}${text.slice(at + length)}`;
}

/** A new key at the end of an object that exists, laid out like its siblings. */
function insertKey(text: string, parent: Node, key: string, value: unknown): string {
  const unit = unitOf(text);
  const last = parent.children?.at(-1);
  const parentIndent = lineIndent(text, parent.offset);
  const indent = last === undefined ? `${parentIndent}${unit}` : lineIndent(text, last.offset);
  const property = `${JSON.stringify(key)}: ${printed(value, unit, indent)}`;
  if (last !== undefined) {
    return splice(text, last.offset + last.length, 0, `,\n${indent}${property}`);
  }
  return splice(
    text,
    parent.offset + 1,
    parent.length - 2,
    `\n${indent}${property}\n${parentIndent}`,
  );
}

/**
 * Applies value edits to JSON (with comments) in place: a changed value is printed where the
 * old one stood, a new key goes after its last sibling, a removed key goes with its comma.
 * Bytes the edits do not reach stay as they were.
 */
export function applyJsonEdits(ours: string, edits: readonly ValueEdit[]): string | undefined {
  let text = ours;
  for (const edit of edits) {
    const tree = parseTree(text);
    if (tree === undefined) return undefined;
    const path = [...edit.path];
    const node = findNodeAtLocation(tree, path);
    if (edit.value === ABSENT) {
      if (node !== undefined) text = applyEdits(text, modify(text, path, undefined, {}));
      continue;
    }
    if (node !== undefined) {
      const indent = lineIndent(text, node.parent?.offset ?? node.offset);
      text = splice(text, node.offset, node.length, printed(edit.value, unitOf(text), indent));
      continue;
    }
    const parent = findNodeAtLocation(tree, path.slice(0, -1));
    const key = path.at(-1);
    if (parent?.type !== "object" || key === undefined) {
      const formattingOptions = { insertSpaces: true, tabSize: unitOf(text).length };
      text = applyEdits(text, modify(text, path, edit.value, { formattingOptions }));
      continue;
    }
    text = insertKey(text, parent, key, edit.value);
  }
  return text;
}
