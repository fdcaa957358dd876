import type { Finding, Suppression } from "./types.js";

/** A crate-level `#![allow]`/`#![expect]` the baseline does not have is a weakening of its own. */
export function crateAllowFindings(suppressions: readonly Suppression[]): Finding[] {
  return suppressions
    .filter((item) => item.isNew && (item.kind === "#![allow]" || item.kind === "#![expect]"))
    .map((item) => ({
      id: `rust/crate-allow/${item.rules}`,
      file: item.file,
      line: item.line,
      baseline: "no crate-level allow",
      current: `${item.kind.slice(0, -1)}(${item.rules})]`,
      fix: `delete it and put #[expect(${item.rules}, reason = "...")] on the one item that needs it`,
    }));
}
