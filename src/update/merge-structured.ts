import { parse, type ParseError as JsonParseError } from "jsonc-parser";
import { applyJsonEdits } from "./json-edit.js";
import { ParseError as TomlParseError } from "toml-eslint-parser";
import { isMap, isScalar, isSeq, parseDocument } from "yaml";
import { applyTomlEdits, tomlValue } from "./toml-edit.js";
import { mergeText } from "./merge-text.js";
import {
  ABSENT,
  applyEditsToValue,
  mergeValues,
  sameValue,
  type ValueEdit,
} from "./merge-values.js";

/** How one kind of structured file is read and edited in place. */
export interface StructuredKind {
  readonly name: string;
  /** The parsed value, or ABSENT when the text does not parse. */
  readonly parse: (text: string) => unknown;
  /** Ours with the edits made, keeping what it can of its layout; undefined when it cannot. */
  readonly apply: (ours: string, edits: readonly ValueEdit[], theirs: string) => string | undefined;
}

export type FileMerge =
  | { readonly clean: true; readonly text: string; readonly how: "text" | "structure" }
  | { readonly clean: false; readonly text: string; readonly conflicts: readonly string[] };

export const JSON_KIND: StructuredKind = {
  name: "JSON",
  parse: (text) => {
    const errors: JsonParseError[] = [];
    const value: unknown = parse(text, errors, { allowTrailingComma: true });
    return errors.length > 0 ? ABSENT : value;
  },
  apply: applyJsonEdits,
};

function isCollectionValue(value: unknown): boolean {
  return typeof value === "object" && value !== null;
}

/** YAML: a scalar keeps its node (and the comment beside it); other values get new nodes. */
export const YAML_KIND: StructuredKind = {
  name: "YAML",
  parse: (text) => {
    const doc = parseDocument(text);
    const value: unknown = doc.errors.length > 0 ? ABSENT : doc.toJS();
    return value;
  },
  apply: (ours, edits) => {
    const doc = parseDocument(ours);
    if (!isMap(doc.contents) && !isSeq(doc.contents)) return undefined;
    for (const edit of edits) {
      const held = doc.getIn([...edit.path], true);
      if (edit.value === ABSENT) doc.deleteIn([...edit.path]);
      else if (isScalar(held) && !isCollectionValue(edit.value)) held.value = edit.value;
      else doc.setIn([...edit.path], doc.createNode(edit.value));
    }
    return doc.toString({ lineWidth: 0 });
  },
};

export const TOML_KIND: StructuredKind = {
  name: "TOML",
  parse: (text) => {
    try {
      return tomlValue(text);
    } catch (error: unknown) {
      if (error instanceof TomlParseError || error instanceof SyntaxError) return ABSENT;
      throw error;
    }
  },
  apply: applyTomlEdits,
};

function wholeFileConflict(base: string, ours: string, theirs: string): string {
  const line = (text: string): string => (text === "" || text.endsWith("\n") ? text : `${text}\n`);
  return `<<<<<<< yours\n${line(ours)}||||||| base\n${line(base)}=======\n${line(theirs)}>>>>>>> template\n`;
}

/**
 * Three-way merge of a structured file. The values decide: keys are merged one by one, and a
 * result is taken only when it parses to exactly the merged value. The line merge is tried
 * first (it keeps every byte of layout), the in-place edit of ours second.
 */
export async function mergeStructured(
  kind: StructuredKind,
  base: string,
  ours: string,
  theirs: string,
): Promise<FileMerge> {
  const text = await mergeText(base, ours, theirs);
  const [baseValue, oursValue, theirsValue] = [
    kind.parse(base),
    kind.parse(ours),
    kind.parse(theirs),
  ];
  if (baseValue === ABSENT || oursValue === ABSENT || theirsValue === ABSENT) {
    return text.clean
      ? { clean: true, text: text.text, how: "text" }
      : { clean: false, text: text.text, conflicts: [`${kind.name} that does not parse`] };
  }
  const values = await mergeValues(baseValue, oursValue, theirsValue);
  if (values.conflicts.length > 0) {
    return {
      clean: false,
      text: text.clean ? wholeFileConflict(base, ours, theirs) : text.text,
      conflicts: values.conflicts,
    };
  }
  const wanted = applyEditsToValue(oursValue, values.edits);
  if (text.clean && sameValue(kind.parse(text.text), wanted)) {
    return { clean: true, text: text.text, how: "text" };
  }
  const edited = kind.apply(ours, values.edits, theirs);
  if (edited !== undefined && sameValue(kind.parse(edited), wanted)) {
    return { clean: true, text: edited, how: "structure" };
  }
  return {
    clean: false,
    text: text.clean ? wholeFileConflict(base, ours, theirs) : text.text,
    conflicts: [`${kind.name} edit the merge could not place`],
  };
}
