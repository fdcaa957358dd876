import { describe, expect, it } from "vitest";
import { parseReport } from "./json-report.js";
import { check, checkJson, fixtures } from "./ts-support.js";

const lines = (rule: string, at: readonly number[]): (readonly [number, string])[] =>
  at.map((line) => [line, rule] as const);

/** Each rule's flagged fixture and the [line, rule] pairs it must produce, in order. */
const flagged: Record<string, readonly (readonly [number, string])[]> = {
  "no-any": lines("no-any", [1, 1, 4, 5]),
  "no-cast": lines("no-cast", [2, 3, 4]),
  "no-non-null": lines("no-non-null", [2, 4, 6]),
  "no-ts-comment": [
    [1, "no-ts-comment"],
    [2, "no-ts-ignore"],
    [4, "no-ts-comment"],
    [6, "no-ts-ignore"],
  ],
  "no-enum": lines("no-enum", [1, 4, 7]),
  "throw-error": lines("throw-error", [2, 3, 4, 5, 6, 7]),
  "no-export-let": lines("no-export-let", [1, 2, 5, 5]),
  "no-empty-catch": lines("no-empty-catch", [4, 7]),
  "catch-must-narrow": lines("catch-must-narrow", [4, 9, 14]),
  "eslint-disable-needs-reason": lines("eslint-disable-needs-reason", [1, 3, 4, 5, 7]),
  "file-too-long": lines("file-too-long", [1]),
  "opt-out-needs-reason": [
    [1, "no-export-let"],
    [1, "opt-out-needs-reason"],
    [2, "opt-out-needs-reason"],
    [3, "no-export-let"],
    [4, "opt-out-needs-reason"],
    [5, "no-export-let"],
    [5, "opt-out-needs-reason"],
  ],
  "unused-opt-out": [
    [1, "unused-opt-out"],
    [4, "no-export-let"],
    [4, "unused-opt-out"],
  ],
  // ESLint's own disable comment is the opt-out of what ESLint reports too: with a reason, for
  // the line it names, naming the matching rule; a no-excuse-ok does not silence those.
  "native-opt-out": [
    [2, "eslint-disable-needs-reason"],
    [3, "no-cast"],
    [4, "no-cast"],
    [6, "no-cast"],
    [7, "no-non-null"],
    [9, "no-cast"],
  ],
};

describe("no-excuse for TypeScript: every rule on its fixtures", () => {
  for (const [rule, expected] of Object.entries(flagged)) {
    it(`${rule}: flags the flagged fixture exactly`, () => {
      const report = checkJson([`${rule}/flagged.ts`]);
      expect(report.findings.map((f) => [f.line, f.rule])).toEqual(expected);
      expect(report.findings.every((f) => f.path === `${rule}/flagged.ts`)).toBe(true);
    });

    it(`${rule}: leaves the near miss alone`, () => {
      const outcome = check([`${rule}/near_miss.ts`]);
      expect(outcome.stdout).toBe("no-excuse: 1 file(s) checked, no findings\n");
      expect(outcome.status).toBe(0);
    });
  }

  it("accepts idiomatic strict code: guards, Array.isArray, JSON.parse at a boundary, unions", () => {
    // The same two files pass a generated project's whole gate (format, lint, types, tests).
    const outcome = check(["idiomatic"]);
    expect(outcome.stdout).toBe("no-excuse: 2 file(s) checked, no findings\n");
    expect(outcome.status).toBe(0);
  });

  it("reads .mjs, .tsx and .d.ts files, never JSX text, and nothing else", () => {
    const report = checkJson(["file-kinds"]);
    expect(report.files).toBe(4);
    expect(report.findings.map((f) => `${f.path}:${String(f.line)} ${f.rule}`)).toEqual([
      "file-kinds/flagged.d.ts:1 no-any",
      "file-kinds/flagged.mjs:4 no-empty-catch",
      "file-kinds/flagged.tsx:2 no-cast",
    ]);
  });
});

describe("no-excuse for TypeScript: command line", () => {
  it("prints path:line:col rule message and a summary, exiting 1 on findings", () => {
    const outcome = check(["no-enum/flagged.ts"]);
    expect(outcome.status).toBe(1);
    const message = "no-enum enum is not plain JavaScript; use a union of string literals";
    expect(outcome.stdout.split("\n")).toEqual([
      `no-enum/flagged.ts:1:1 ${message}`,
      `no-enum/flagged.ts:4:1 ${message}`,
      `no-enum/flagged.ts:7:1 ${message}`,
      "no-excuse: 3 finding(s) in 1 of 1 file(s)",
      "",
    ]);
  });

  it("checks one file well under a second, as the editing hook needs", () => {
    // The best of three warm runs: the capability, not the noise of a busy machine.
    const times = [0, 1, 2].map(() => {
      const start = performance.now();
      expect(check(["no-cast/flagged.ts"]).status).toBe(1);
      return performance.now() - start;
    });
    expect(Math.min(...times)).toBeLessThan(1000);
  });

  it("prints one JSON object with --json", () => {
    const outcome = check(["--json", "no-cast/flagged.ts"]);
    expect(outcome.status).toBe(1);
    const report = parseReport(outcome.stdout);
    expect(report.files).toBe(1);
    expect(report.findings[0]).toEqual({
      path: "no-cast/flagged.ts",
      line: 2,
      column: 18,
      rule: "no-cast",
      message: "an as/<T> assertion is unchecked; narrow with a type guard (as const is fine)",
    });
  });

  it("checks several path arguments, and every file under a folder", () => {
    const two = checkJson(["no-cast/flagged.ts", "no-enum"]);
    expect(two.files).toBe(3);
    expect(new Set(two.findings.map((f) => f.rule))).toEqual(new Set(["no-cast", "no-enum"]));
    expect(checkJson(["."]).files).toBe(34);
  });

  it("exits 2 on usage errors and missing input", () => {
    const unknown = check(["--nope"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown option --nope");
    const missing = check(["missing.ts"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no such file or directory");
    expect(check(["--max-lines", "zero"]).status).toBe(2);
    expect(check([], fixtures, { NO_EXCUSE_MAX_LINES: "-3" }).status).toBe(2);
  });

  it("takes the line limit from --max-lines or NO_EXCUSE_MAX_LINES", () => {
    expect(check(["--max-lines", "251", "file-too-long"]).status).toBe(0);
    expect(check(["--max-lines=251", "file-too-long"]).status).toBe(0);
    const env = { NO_EXCUSE_MAX_LINES: "100" };
    const outcome = check(["file-too-long/near_miss.ts"], fixtures, env);
    expect(outcome.stdout).toContain("250 lines of code (blank and comment lines not counted)");
    expect(outcome.stdout).toContain("the limit is 100");
    expect(check(["--max-lines", "300", "file-too-long"], fixtures, env).status).toBe(0);
  });
});
