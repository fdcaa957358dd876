import type { MergeResult } from "./types.js";

/** The line that marks a `scripts/check` as the combined gate create-litclaude writes. */
export const COMBINED_GATE_MARK = "# create-litclaude: combined gate";

/** The combined gate is ours and is rewritten whole; any other scripts/check is the user's. */
export function mergeCombinedGate(current: string, incoming: string): MergeResult {
  if (current === "" || current.split("\n").some((line) => line.startsWith(COMBINED_GATE_MARK))) {
    return { ok: true, text: incoming };
  }
  return {
    ok: false,
    conflict: true,
    reason: "scripts/check was not written by create-litclaude; it stays the user's",
  };
}
