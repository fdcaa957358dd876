/**
 * What the Go e2e test plants in a generated project: each rule's violation with the one opt-out
 * AGENTS.md documents for it, and real code written as a Go programmer would.
 */

export interface OptOutCase {
  readonly rule: string;
  /** A file in internal/greet holding the violation and its documented opt-out. */
  readonly file: string;
  readonly code: string;
  /** The opt-out comment exactly as planted; the red run removes its reason. */
  readonly optOut: string;
  readonly withoutReason: string;
  /** The step the gate must stop at without the reason, and what it must say there. */
  readonly step: "lint" | "no-excuse";
  readonly reason: string;
}

const longFile = (optOut: string): string =>
  [
    `package greet ${optOut}`,
    "",
    "// The codes of a fixed outside table, kept whole in one file on purpose.",
    "const (",
    // Aligned as gofmt aligns them: the longest name is Code254.
    ...Array.from({ length: 255 }, (_, i) => `\t${`Code${String(i)}`.padEnd(7)} = ${String(i)}`),
    ")",
    "",
  ].join("\n");

export const optOutCases: readonly OptOutCase[] = [
  {
    rule: "no-any",
    file: "optout_any.go",
    optOut: "// no-excuse-ok: no-any -- a formatting helper meant to take every type",
    withoutReason: "// no-excuse-ok: no-any",
    code: 'package greet\n\nimport "fmt"\n\n// Describe formats any value.\nfunc Describe(v any) string { OPTOUT\n\treturn fmt.Sprint(v)\n}\n',
    step: "no-excuse",
    reason: "opt-out-needs-reason",
  },
  {
    rule: "no-ignored-error",
    file: "optout_error.go",
    optOut: "//nolint:errcheck // best effort: a leftover temporary file is harmless",
    withoutReason: "//nolint:errcheck",
    code: 'package greet\n\nimport "os"\n\n// Forget removes a temporary file if it is there.\nfunc Forget(p string) {\n\tos.Remove(p) OPTOUT\n}\n',
    step: "lint",
    reason: "include an explanation for nolint directive",
  },
  {
    rule: "no-panic",
    file: "optout_panic.go",
    optOut: "// no-excuse-ok: no-panic -- only ever called with literals the tests cover",
    withoutReason: "// no-excuse-ok: no-panic --",
    code: "package greet\n\n// MustName is NewName for names written in the code.\nfunc MustName(raw string) Name {\n\tn, err := NewName(raw)\n\tif err != nil {\n\t\tpanic(err) OPTOUT\n\t}\n\n\treturn n\n}\n",
    step: "no-excuse",
    reason: "opt-out-needs-reason",
  },
  {
    rule: "no-global-var and no-init",
    file: "optout_global.go",
    optOut: "//nolint:gochecknoglobals // filled once by init, read-only afterwards",
    withoutReason: "//nolint:gochecknoglobals",
    code: 'package greet\n\nvar styles = map[string]Style{} OPTOUT\n\nfunc init() { //nolint:gochecknoinits // a registry every importer expects filled\n\tstyles["plain"] = StylePlain\n}\n\n// Lookup finds a style by name.\nfunc Lookup(name string) (Style, bool) {\n\ts, ok := styles[name]\n\n\treturn s, ok\n}\n',
    step: "lint",
    reason: "include an explanation for nolint directive",
  },
  {
    rule: "file-too-long",
    file: "optout_long.go",
    optOut: "// no-excuse-ok: file-too-long -- an outside table, clearer in one piece",
    withoutReason: "// no-excuse-ok: file-too-long",
    code: longFile("OPTOUT"),
    step: "no-excuse",
    reason: "opt-out-needs-reason",
  },
];

export const staleOptOut = {
  file: "stale.go",
  code: "package greet\n\n// Two is two.\nfunc Two() int {\n\treturn 2 // no-excuse-ok: no-panic -- there was a panic here once\n}\n",
  reason: "stale-opt-out",
};
