// @ts-check
// The finding record and the rule catalogue shared by every part of the checker.

/** @typedef {{ line: number, column: number, rule: string, message: string }} Finding */

/** @type {Readonly<Record<string, string>>} */
export const RULES = {
  "no-any": "any switches type checking off; name the type, or take unknown and narrow",
  "no-cast": "an as/<T> assertion is unchecked; narrow with a type guard (as const is fine)",
  "no-non-null": "! asserts a value is there without checking; handle the undefined case",
  "no-ts-comment": "@ts-ignore, @ts-expect-error and @ts-nocheck hide compiler errors; fix them",
  "no-enum": "enum is not plain JavaScript; use a union of string literals",
  "throw-error": "throw an Error (or a subclass), not a plain value",
  "no-export-let": "an exported let/var can change under its importers; export a const",
  "no-empty-catch": "an empty catch swallows the failure",
  "catch-must-narrow": "a catch must narrow the caught value (instanceof, a guard) or rethrow",
  "eslint-disable-needs-reason": "an eslint-disable comment names its rules and gives -- a reason",
  "file-too-long": "split the module",
  "opt-out-needs-reason": "write no-excuse-ok: RULE -- REASON",
};
