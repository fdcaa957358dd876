import { describe, expect, it } from "vitest";
import { expectNoDrift, project } from "./doctor-support.js";

const LANGUAGES = ["go", "python", "rust", "ts"] as const;
const KINDS = ["cli", "lib"] as const;

describe("doctor on fresh projects", () => {
  for (const lang of LANGUAGES) {
    for (const kind of KINDS) {
      it(`finds no drift in a fresh ${lang} ${kind}`, async () => {
        const dir = await project(lang, kind);
        const json = await expectNoDrift(dir);
        expect(json.baselineSource).toBe("answers");
        expect(json.groups.map((group) => group.label)).toEqual([lang, "repo"]);
        expect(json.groups.flatMap((group) => group.suppressions)).toEqual([]);
      });
    }
  }

  it("finds no drift with the plugin from the marketplace, or without the plugin", async () => {
    await expectNoDrift(await project("ts", "cli", ["--plugin", "marketplace"]));
    await expectNoDrift(await project("python", "lib", ["--plugin", "none"]));
  });
});
