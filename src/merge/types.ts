/** The outcome of merging what a file holds with what we want to add to it. */
export type MergeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: string; readonly line: number | undefined };

/** A pure merger: never reads or writes files, same inputs give the same output. */
export type Merger = (current: string, incoming: string) => MergeResult;
