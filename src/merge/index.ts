import { mergeGitignore } from "./gitignore.js";
import type { Merger } from "./types.js";

/**
 * The merger for a project path, or undefined when a differing file is a conflict. Loaded on
 * demand: a new project never merges, so it never pays for the JSON parser.
 */
export async function loadMerger(path: string): Promise<Merger | undefined> {
  if (path === ".gitignore") return mergeGitignore;
  if (path.startsWith(".claude/") && path.endsWith(".json")) {
    return (await import("./json.js")).mergeJson;
  }
  return undefined;
}
