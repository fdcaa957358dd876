import {
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from "jsonc-parser";
import { LitError } from "../../core/errors.js";
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

/** Parses a JSON-with-comments file of the repo; a malformed one is a usage error at its line. */
export function readJson(text: string, file: string): JsonDoc {
  const doc = parseJsonDoc(text);
  if (doc !== undefined) return doc;
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: true });
  const first = errors[0];
  const at = positionAt(text, first?.offset ?? 0);
  const reason = first === undefined ? "not a JSON value" : printParseErrorCode(first.error);
  throw new LitError("usage", `${file} is not valid JSON (${reason})`, {
    hint: "fix the file and run doctor again",
    location: { file, line: at.line, column: at.column },
  });
}
