import { applyJournaled, type JournaledChange } from "../core/journaled-apply.js";

/** One change: the new bytes, or undefined to remove the file; `before` is what it holds now. */
export type Change = JournaledChange;

/**
 * The update's changes through the same journal `create` and `add` write: on disk before the
 * first change, holding what every touched file held (removals too), so a failure, an abort
 * or a SIGKILL followed by the next run puts everything back.
 */
export async function applyChanges(
  root: string,
  changes: readonly Change[],
  signal?: AbortSignal,
): Promise<void> {
  await applyJournaled(root, changes, "update", signal);
}
