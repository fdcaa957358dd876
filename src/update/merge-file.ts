import { mergeSectionsThreeWay } from "./merge-sections.js";
import {
  JSON_KIND,
  TOML_KIND,
  YAML_KIND,
  mergeStructured,
  type FileMerge,
  type StructuredKind,
} from "./merge-structured.js";
import { mergeText } from "./merge-text.js";

/** The structure a path is merged by, or undefined for lines. */
export function structureOf(path: string): StructuredKind | undefined {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (name.endsWith(".json")) return JSON_KIND;
  if (name.endsWith(".yml") || name.endsWith(".yaml")) return YAML_KIND;
  if (name.endsWith(".toml")) return TOML_KIND;
  return undefined;
}

/**
 * Three-way merge of one file's text: by structure for JSON, YAML and TOML, by marked section
 * for AGENTS.md and CLAUDE.md, by lines for the rest.
 */
export async function mergeFile(
  path: string,
  base: string,
  ours: string,
  theirs: string,
): Promise<FileMerge> {
  if (path.endsWith("AGENTS.md") || path.endsWith("CLAUDE.md")) {
    const bySection = await mergeSectionsThreeWay(base, ours, theirs);
    if (bySection !== undefined) return bySection;
  }
  const kind = structureOf(path);
  if (kind !== undefined) return mergeStructured(kind, base, ours, theirs);
  const merged = await mergeText(base, ours, theirs);
  return merged.clean
    ? { clean: true, text: merged.text, how: "text" }
    : { clean: false, text: merged.text, conflicts: [`${String(merged.conflicts)} hunk(s)`] };
}
