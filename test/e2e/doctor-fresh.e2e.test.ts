import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { REPO_ROOT, plant, runBin } from "./support.js";
import { expectNoDrift, expectOnlyFinding, lineOf, project } from "./doctor-support.js";

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

  it("judges a project by what its version wrote, kept in the base snapshot", async () => {
    const dir = await project("rust", "cli");
    await plant(dir, ".litclaude/answers.json", (old) =>
      old.replace(/"version": "[^"]*"/, '"version": "0.0.9"'),
    );
    // What 0.0.9 wrote: a lint this version denies was only a warning then.
    const older = (text: string): string =>
      text.replace('non_ascii_idents = "deny"', 'non_ascii_idents = "warn"');
    await plant(dir, "Cargo.toml", older);
    // base.json holds one file per line; only the root Cargo.toml's line is the older one.
    await plant(dir, ".litclaude/base.json", (old) =>
      old
        .split("\n")
        .map((line) =>
          line.startsWith('{"path":"Cargo.toml"')
            ? line.replace(
                String.raw`non_ascii_idents = \"deny\"`,
                String.raw`non_ascii_idents = \"warn\"`,
              )
            : line,
        )
        .join("\n"),
    );
    const json = await expectNoDrift(dir);
    expect(json.groups[0]?.judgedBy).toBe("snapshot");
    const text = (await runBin(["doctor"], dir)).stdout;
    expect(text).not.toContain("note: made by");
    expect(text).toContain("baseline: what create-litclaude wrote, kept in .litclaude/base.json");
    // Without the snapshot the same file is judged by this version's templates, and drifted.
    await rm(join(dir, ".litclaude/base.json"));
    const line = await lineOf(dir, "Cargo.toml", "non_ascii_idents");
    await expectOnlyFinding(dir, {
      id: "cargo-lint/rust::non_ascii_idents",
      file: "Cargo.toml",
      line,
      baseline: 'non_ascii_idents = "deny"',
      current: 'non_ascii_idents = "warn"',
    });
  });

  it("says when a project without a snapshot is compared with this version's templates", async () => {
    const dir = await project("rust", "cli");
    await plant(dir, ".litclaude/answers.json", (old) =>
      old.replace(/"version": "[^"]*"/, '"version": "0.0.9"'),
    );
    await rm(join(dir, ".litclaude/base.json"));
    const { version } = z
      .object({ version: z.string() })
      .parse(JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8")));
    const json = await expectNoDrift(dir);
    expect(json.groups[0]?.madeWith).toBe("0.0.9");
    expect(json.groups[0]?.judgedBy).toBe("templates");
    const text = await runBin(["doctor"], dir);
    expect(text.stdout).toContain(
      `note: made by create-litclaude 0.0.9; compared with ${version}'s templates`,
    );
  });
});
