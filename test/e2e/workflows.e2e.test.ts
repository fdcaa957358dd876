import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KINDS, LANGUAGES } from "../../src/core/options.js";
import { run, scaffold } from "./support.js";

describe("generated CI workflows", () => {
  it("has shellcheck, which actionlint would otherwise skip without a word", async () => {
    expect((await run("shellcheck", ["--version"], process.cwd())).exitCode).toBe(0);
  });

  it.each(LANGUAGES.flatMap((lang) => KINDS.map((kind) => [lang, kind] as const)))(
    "%s/%s passes actionlint (with shellcheck on its run steps)",
    async (lang, kind) => {
      const { dir } = await scaffold(lang, kind, ["--no-install"]);
      const result = await run(
        "actionlint",
        ["-color=false", join(dir, ".github", "workflows", "ci.yml")],
        dir,
      );
      expect(result.output).toBe("");
      expect(result.exitCode).toBe(0);
    },
    60_000,
  );
});
