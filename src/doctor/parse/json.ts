import { findNodeAtLocation, getNodeValue, parseTree, type Node } from "jsonc-parser";
import { positionAt } from "../../merge/types.js";

/** A JSON-with-comments file, parsed: its value and the lines its keys are on. */
export interface JsonDoc {
  readonly value: unknown;
  /** The 1-based line of the property at `path`, undefined when absent. */
  readonly lineOf: (path: readonly (string | number)[]) => number | undefined;
}

/** Parses JSON with comments (tsconfig, settings); undefined when it is not a JSON document. */
export function parseJsonDoc(text: string): JsonDoc | undefined {
  const errors: { error: number; offset: number; length: number }[] = [];
  const root: Node | undefined = parseTree(text, errors, {
    allowTrailingComma: true,
    disallowComments: false,
  });
  if (root === undefined || errors.length > 0) return undefined;
  return {
    value: getNodeValue(root),
    lineOf: (path) => {
      const node = findNodeAtLocation(root, [...path]);
      const at = node?.parent?.type === "property" ? node.parent : node;
      return at === undefined ? undefined : positionAt(text, at.offset).line;
    },
  };
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The record at `key` of `value`, or an empty one. */
export function recordAt(value: unknown, key: string): Readonly<Record<string, unknown>> {
  if (!isRecord(value)) return {};
  const inner = value[key];
  return isRecord(inner) ? inner : {};
}
