/** What the Rust e2e test plants in src/lib.rs, and the gate step each must fail at. */
export interface Violation {
  readonly step: "format" | "lint" | "types" | "no-excuse" | "tests";
  readonly what: string;
  /** Appended to src/lib.rs, which is restored afterwards. */
  readonly code: string;
  /** Text in the gate's output that shows it failed for this reason and not another. */
  readonly reason: string;
}

export const violations: readonly Violation[] = [
  {
    step: "format",
    what: "badly spaced code",
    code: "\n/// Planted.\npub fn  planted( ) {}\n",
    reason: "Diff in",
  },
  {
    step: "lint",
    what: "an unwrap in library code",
    code: [
      "",
      "/// Planted.",
      "///",
      "/// # Panics",
      "///",
      "/// When `values` is empty.",
      "pub fn planted(values: &[u8]) -> u8 {",
      "    values.first().copied().unwrap()",
      "}",
      "",
    ].join("\n"),
    reason: "unwrap_used",
  },
  {
    step: "lint",
    what: "an #[allow] without a reason",
    code: [
      "",
      "/// Planted.",
      "#[allow(clippy::needless_return)]",
      "pub fn planted() -> u8 {",
      "    return 1;",
      "}",
      "",
    ].join("\n"),
    reason: "`allow` attribute without specifying a reason",
  },
  {
    step: "lint",
    what: "an `as` cast",
    code: "\n/// Planted.\npub fn planted(value: u64) -> u8 {\n    value as u8\n}\n",
    reason: "as_conversions",
  },
  {
    // unsafe_code is forbid, which also makes plain `cargo check` fail: still a lint, not types.
    step: "lint",
    what: "an unsafe block",
    code: [
      "",
      "/// Planted.",
      "pub fn planted(values: &[u8]) -> u8 {",
      "    // SAFETY: none; this is planted.",
      "    unsafe { *values.as_ptr() }",
      "}",
      "",
    ].join("\n"),
    reason: "usage of an `unsafe` block",
  },
  {
    step: "types",
    what: "a value of the wrong type",
    code: '\n/// Planted.\npub const PLANTED: u32 = "one";\n',
    reason: "mismatched types",
  },
  {
    step: "no-excuse",
    what: "an opt-out without a reason",
    code: "\n/// Planted.\npub const PLANTED: u8 = 1; // no-excuse-ok: no-numeric-cast\n",
    reason: "opt-out-needs-reason",
  },
  {
    step: "lint",
    what: "an `as _` cast",
    code: "\n/// Planted.\npub fn planted(value: u64) -> u32 {\n    let narrow: u32 = value as _;\n    narrow\n}\n",
    reason: "as_conversions",
  },
  {
    step: "lint",
    what: "a broken intra-doc link",
    code: "\n/// Planted, unlike [`no_such_item`].\npub const PLANTED: u8 = 1;\n",
    reason: "unresolved link to `no_such_item`",
  },
  {
    step: "no-excuse",
    what: "an error kept in an unused binding",
    code: [
      "",
      "/// Planted.",
      "pub fn planted(path: &std::path::Path) {",
      "    let _ignored = std::fs::remove_file(path);",
      "}",
      "",
    ].join("\n"),
    reason: "no-ignored-error",
  },
  {
    step: "no-excuse",
    what: "a dropped Result",
    code: [
      "",
      "/// Planted.",
      "pub fn planted(path: &std::path::Path) {",
      "    let result = std::fs::remove_file(path);",
      "    drop(result);",
      "}",
      "",
    ].join("\n"),
    reason: "no-ignored-error",
  },
  {
    step: "tests",
    what: "a failing test",
    code: [
      "",
      "#[cfg(test)]",
      "mod planted {",
      "    #[test]",
      "    fn planted_failure() {",
      '        assert_eq!(crate::parse_duration("1m").map(crate::Seconds::get), Ok(61));',
      "    }",
      "}",
      "",
    ].join("\n"),
    reason: "planted_failure",
  },
];
