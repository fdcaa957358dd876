import { describe, expect, it } from "vitest";
import { fileSuppressions, newFirst, scanSuppressions } from "../../../src/doctor/suppressions.js";

describe("scanSuppressions", () => {
  it("reads eslint-disable rules and reasons, and ignores the same text inside a string", () => {
    const text =
      'const hint = "// eslint-disable-next-line no-console -- not a comment";\n' +
      "/* eslint-disable max-lines -- generated tables */\n" +
      "call(); // eslint-disable-line no-console, no-alert\n";
    expect(scanSuppressions("ts", text)).toEqual([
      { kind: "eslint-disable", rules: "max-lines", line: 2, reason: "generated tables" },
      { kind: "eslint-disable", rules: "no-console,no-alert", line: 3, reason: "" },
    ]);
  });

  it("reads an inline ESLint rule setting, and no Rust attribute written in a comment", () => {
    expect(
      scanSuppressions("ts", '/* eslint no-console: "off", eqeqeq: 0 -- a CLI prints */\n'),
    ).toEqual([
      {
        kind: "eslint (inline config)",
        rules: "no-console,eqeqeq",
        line: 1,
        reason: "a CLI prints",
      },
    ]);
    expect(
      scanSuppressions("rust", "/// #[allow(dead_code)] is what we avoid\nfn f() {}\n"),
    ).toEqual([]);
  });

  it("reads a blanket noqa and a file-wide ruff: noqa as suppressions naming no rule", () => {
    expect(scanSuppressions("python", "import x  # noqa\n# ruff: noqa\n")).toEqual([
      { kind: "noqa", rules: "", line: 1, reason: "" },
      { kind: "noqa", rules: "", line: 2, reason: "" },
    ]);
  });

  it("reads a bare //nolint as naming no linter", () => {
    expect(scanSuppressions("go", "x() //nolint\n")).toEqual([
      { kind: "nolint", rules: "", line: 1, reason: "" },
    ]);
  });

  it("reads a Rust attribute spread over lines, and a crate-level one", () => {
    const text =
      '#![expect(clippy::module_name_repetitions, reason = "the API names")]\n' +
      '#[allow(\n    clippy::too_many_lines,\n    reason = "one table"\n)]\nfn f() {}\n';
    expect(scanSuppressions("rust", text)).toEqual([
      {
        kind: "#![expect]",
        rules: "clippy::module_name_repetitions",
        line: 1,
        reason: "the API names",
      },
      { kind: "allow", rules: "clippy::too_many_lines", line: 2, reason: "one table" },
    ]);
  });
});

describe("fileSuppressions", () => {
  it("marks as old only what the baseline's copy holds, counted one for one", () => {
    const base = "a() // nolint:errcheck // why\n";
    const text =
      "a() //nolint:errcheck // why\nb() //nolint:errcheck // why\nc() //nolint:gosec // other\n";
    const found = fileSuppressions("go", "main.go", text, "a() //nolint:errcheck // why\n");
    expect(found.map((item) => [item.line, item.isNew])).toEqual([
      [1, false],
      [2, true],
      [3, true],
    ]);
    expect(fileSuppressions("go", "main.go", text, base).every((item) => item.isNew)).toBe(true);
  });

  it("lists new ones first, then by file and line", () => {
    const item = (file: string, line: number, isNew: boolean) => ({
      kind: "noqa",
      rules: "E501",
      file,
      line,
      reason: "",
      isNew,
    });
    const ordered = newFirst([
      item("a.py", 1, false),
      item("b.py", 9, true),
      item("b.py", 2, true),
    ]);
    expect(ordered.map((entry) => `${entry.file}:${String(entry.line)}`)).toEqual([
      "b.py:2",
      "b.py:9",
      "a.py:1",
    ]);
  });
});
