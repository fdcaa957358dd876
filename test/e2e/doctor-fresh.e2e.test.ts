import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { REPO_ROOT, plant, runBin } from "./support.js";
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

  it("says when the project was made by another version than the one comparing it", async () => {
    const dir = await project("rust", "cli");
    await plant(dir, ".litclaude/answers.json", (old) =>
      old.replace(/"version": "[^"]*"/, '"version": "0.0.9"'),
    );
    const { version } = z
      .object({ version: z.string() })
      .parse(JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8")));
    const json = await expectNoDrift(dir);
    expect(json.groups[0]?.madeWith).toBe("0.0.9");
    const text = await runBin(["doctor"], dir);
    expect(text.stdout).toContain(
      `note: made by create-litclaude 0.0.9; compared with ${version}'s templates`,
    );
  });
});
