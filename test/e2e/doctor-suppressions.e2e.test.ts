import { describe, expect, it } from "vitest";
import { plant } from "./support.js";
import { expectNoDrift, project } from "./doctor-support.js";

/** Per language: a file with its suppressions, and what doctor must list for them. */
const CASES = [
  {
    lang: "ts",
    path: "src/lib/legacy.ts",
    text:
      "// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK ships no types\n" +
      "export const sdk: any = 1;\n" +
      "// @ts-expect-error\n" +
      "export let counter = 0; // no-excuse-ok: no-export-let -- the plugin API reassigns it\n",
    expected: [
      ["eslint-disable", "@typescript-eslint/no-explicit-any", 1, "the SDK ships no types"],
      ["@ts-expect-error", "", 3, ""],
      ["no-excuse-ok", "no-export-let", 4, "the plugin API reassigns it"],
    ],
  },
  {
    lang: "python",
    path: "tests/test_legacy.py",
    text:
      "import os  # noqa: F401 -- imported for its side effect\n" +
      "x = os.environ  # pyright: ignore[reportUnknownMemberType] -- stub gap\n" +
      "y = 1  # type: ignore\n",
    expected: [
      ["noqa", "F401", 1, "imported for its side effect"],
      ["pyright: ignore", "reportUnknownMemberType", 2, "stub gap"],
      ["type: ignore", "", 3, ""],
    ],
  },
  {
    lang: "go",
    path: "internal/legacy/legacy.go",
    text:
      "package legacy\n\n" +
      "func f() {\n\t_ = g() //nolint:errcheck // best effort on shutdown\n}\n" +
      "// no-excuse-ok: no-panic -- unreachable by construction\n",
    expected: [
      ["nolint", "errcheck", 4, "best effort on shutdown"],
      ["no-excuse-ok", "no-panic", 6, "unreachable by construction"],
    ],
  },
  {
    lang: "rust",
    path: "src/legacy.rs",
    text:
      '#[expect(clippy::unwrap_used, reason = "the value was checked above")]\n' +
      "fn a() {}\n" +
      "#[allow(dead_code)]\n" +
      "fn b() {}\n",
    expected: [
      ["expect", "clippy::unwrap_used", 1, "the value was checked above"],
      ["allow", "dead_code", 3, ""],
    ],
  },
] as const;

describe("doctor counts suppressions", () => {
  for (const { lang, path, text, expected } of CASES) {
    it(`lists ${lang} suppressions with their rules and reasons, new ones marked, without calling them drift`, async () => {
      const dir = await project(lang, "lib");
      await plant(dir, path, text);
      const json = await expectNoDrift(dir);
      const group = json.groups.find((item) => item.lang === lang);
      expect(group?.suppressions).toEqual(
        expected.map(([kind, rules, line, reason]) => ({
          kind,
          rules,
          file: path,
          line,
          reason,
          isNew: true,
        })),
      );
    });
  }
});
