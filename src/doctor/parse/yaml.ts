import { LineCounter, parseDocument } from "yaml";
import { LitError } from "../../core/errors.js";

export interface YamlDoc {
  readonly value: unknown;
  /** The 1-based line of the node at `path`, undefined when absent. */
  readonly lineOf: (path: readonly (string | number)[]) => number | undefined;
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
      const node: unknown = doc.getIn(path, true);
      if (typeof node !== "object" || node === null || !("range" in node)) return undefined;
      const range: unknown = node.range;
      return Array.isArray(range) && typeof range[0] === "number"
        ? lineCounter.linePos(range[0]).line
        : undefined;
    },
  };
}
