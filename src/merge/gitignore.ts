import type { MergeResult } from "./types.js";

/** Keeps every line the user has, then appends the incoming lines they lack, in order. */
export function mergeGitignore(current: string, incoming: string): MergeResult {
  const have = new Set(current.split("\n").map((line) => line.trim()));
  const missing = incoming
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#") && !have.has(line.trim()));
  if (missing.length === 0) return { ok: true, text: current };
  const base = current.endsWith("\n") || current === "" ? current : `${current}\n`;
  const separator = base === "" ? "" : "\n";
  return {
    ok: true,
    text: `${base}${separator}# added by create-litclaude\n${missing.join("\n")}\n`,
  };
}
