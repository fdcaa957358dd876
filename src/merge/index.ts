import { mergeGitignore } from "./gitignore.js";
import { mergeJson } from "./json.js";
import type { Merger } from "./types.js";

const BY_PATH: Readonly<Record<string, Merger>> = {
  ".gitignore": mergeGitignore,
};

/** The merger for a project path, or undefined when a differing file is a conflict. */
export function mergerFor(path: string): Merger | undefined {
  if (path.startsWith(".claude/") && path.endsWith(".json")) return mergeJson;
  return BY_PATH[path];
}
