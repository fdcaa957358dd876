import { LineCounter, isMap, isScalar, isSeq, parseDocument } from "yaml";
import { LitError } from "../../core/errors.js";

export interface YamlDoc {
  readonly value: unknown;
  /** The 1-based line of the node at `path`, undefined when absent. */
  readonly lineOf: (path: readonly (string | number)[]) => number | undefined;
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node !== "object" || node === null || !("range" in node)) return undefined;
  const range: unknown = node.range;
  if (!Array.isArray(range)) return undefined;
  const first: unknown = range[0];
  return typeof first === "number" ? first : undefined;
}

/** Where the entry `key` of `parent` starts: a map key's own line, a list item's line. */
function startOf(parent: unknown, key: string | number | undefined): number | undefined {
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
    return rangeStart(pair?.key);
  }
  if (isSeq(parent) && typeof key === "number") return rangeStart(parent.items[key]);
  return undefined;
}

/** Parses YAML; a malformed file is a usage error naming its file and line. */
export function parseYamlDoc(text: string, file: string): YamlDoc {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const first = doc.errors[0];
  if (first !== undefined) {
    const at = lineCounter.linePos(first.pos[0]);
    throw new LitError(
      "usage",
      `${file} is not valid YAML: ${first.message.split("\n")[0] ?? ""}`,
      {
        hint: "fix the file and run doctor again",
        location: { file, line: at.line, column: at.col },
      },
    );
  }
  return {
    value: doc.toJS(),
    lineOf: (path) => {
      const offset = startOf(doc.getIn(path.slice(0, -1), true), path.at(-1));
      return offset === undefined ? undefined : lineCounter.linePos(offset).line;
    },
  };
}
