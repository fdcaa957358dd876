// @ts-check
// The finding and opt-out records and the rule catalogue shared by every part of the checker.

/**
 * native: the ESLint rule that reports the same construct, when the project's ESLint lints the
 * file; then that rule's own disable comment (with a reason) is the one opt-out for both.
 * optOutFrom/optOutTo: further lines an opt-out comment may sit on (inside an empty catch).
 * @typedef {{ line: number, column: number, rule: string, message: string,
 *   native?: string | undefined, optOutFrom?: number, optOutTo?: number }} Finding
 */

/**
 * One opt-out comment: the rule it silences, the comment's own line and the finding lines it
 * covers; native is the ESLint rule of an eslint-disable comment, undefined for no-excuse-ok.
 * @typedef {{ rule: string, line: number, column: number, covers: number[],
 *   native: string | undefined }} OptOut
 */

/** @type {Readonly<Record<string, string>>} */
export const RULES = {
  "no-any": "any switches type checking off; name the type, or take unknown and narrow",
  "no-cast": "an as/<T> assertion is unchecked; narrow with a type guard (as const is fine)",
  "no-non-null": "! asserts a value is there without checking; handle the undefined case",
  "no-ts-ignore":
    "@ts-ignore hides every error on its line, now and later; fix the error (no opt-out)",
  "no-ts-comment": "@ts-expect-error and @ts-nocheck hide compiler errors; fix them",
  "no-enum": "enum is not plain JavaScript; use a union of string literals",
  "throw-error": "throw an Error (or a subclass), not a plain value",
  "no-export-let": "an exported let/var can change under its importers; export a const",
  "no-empty-catch": "an empty catch swallows the failure",
  "catch-must-narrow": "a catch must narrow the caught value (instanceof, a guard) or rethrow",
  "eslint-disable-needs-reason": "an eslint-disable comment names its rules and gives -- a reason",
  "file-too-long": "split the module",
  "file-too-large": "too large to check; generated or vendored code belongs in .gitignore",
  "does-not-parse": "the file is not valid TypeScript",
  "opt-out-needs-reason": "write no-excuse-ok: RULE -- REASON",
  "unused-opt-out": "this opt-out silences nothing; remove it",
};

/** Rules no comment can silence: a reason is the fix, or the finding is about the file itself. */
export const FINAL = new Set([
  "no-ts-ignore",
  "eslint-disable-needs-reason",
  "opt-out-needs-reason",
  "unused-opt-out",
  "file-too-large",
  "does-not-parse",
]);

/** The ESLint rule (in the generated eslint.config.js) behind each no-excuse rule it repeats. */
export const NATIVE = {
  "no-any": "@typescript-eslint/no-explicit-any",
  "no-cast": "@typescript-eslint/consistent-type-assertions",
  "no-non-null": "@typescript-eslint/no-non-null-assertion",
  "no-ts-comment": "@typescript-eslint/ban-ts-comment",
  // Its one selector in eslint.config.js is the enum; tsc rejects all but `declare enum`.
  "no-enum": "no-restricted-syntax",
  "throw-error": "@typescript-eslint/only-throw-error",
  "file-too-long": "max-lines",
};

/** @type {ReadonlyMap<string, string>} ESLint rule -> no-excuse rule */
export const BY_NATIVE = new Map(Object.entries(NATIVE).map(([rule, native]) => [native, rule]));

// What the generated ESLint config lints, and which of those files get type-aware rules.
const LINTED = /\.(?:[cm]?ts|tsx|[cm]?js)$/;
const TYPED = /\.(?:[cm]?ts|tsx)$/;

/**
 * The ESLint rule that also reports `rule` in `file`, if the project's ESLint runs it there.
 * @param {string} rule
 * @param {string} file
 * @returns {string | undefined}
 */
export function nativeRule(rule, file) {
  if (!LINTED.test(file)) return undefined;
  if (rule === "throw-error" && !TYPED.test(file)) return undefined;
  return Object.entries(NATIVE).find(([name]) => name === rule)?.[1];
}
