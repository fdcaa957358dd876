import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, runBin } from "./support.js";
import { entries, parsed, readJson, workspace, writeTemplate } from "./template-support.js";

const IDENTITY = {
  GIT_AUTHOR_NAME: "t",
  GIT_AUTHOR_EMAIL: "t@example.com",
  GIT_COMMITTER_NAME: "t",
  GIT_COMMITTER_EMAIL: "t@example.com",
};

const SOLO = {
  name: "solo",
  description: "a project that is all the team's",
  extends: "none",
  questions: [{ id: "team", type: "string", default: "core" }],
};

describe('a template that "extends": "none"', () => {
  it("makes a project of its files alone, recorded, and committed", async () => {
    const { cwd, env } = await workspace();
    await writeTemplate(join(cwd, "tpl"), SOLO, {
      "README.md.hbs": "# {{name}}\n\n{{description}}, team {{team}}.\n",
      _gitignore: "/out/\n",
    });
    const result = await runBin(["app", "--template", "tpl", "--yes", "--json"], cwd, {
      ...env,
      ...IDENTITY,
    });
    expect(result.exitCode, result.output).toBe(0);
    const app = join(cwd, "app");
    expect((await readdir(app)).sort()).toEqual([".git", ".gitignore", ".litclaude", "README.md"]);
    expect(await readFile(join(app, "README.md"), "utf8")).toBe(
      "# app\n\na project that is all the team's, team core.\n",
    );
    const answers = await readJson(join(app, ".litclaude/answers.json"));
    expect(JSON.stringify(answers)).toMatch(
      /^\{"generator":"[^"]+","version":"[^"]+","templates":\[/,
    );
    expect(answers).toMatchObject({
      generator: "create-litclaude",
      templates: [
        {
          name: "solo",
          source: join(cwd, "tpl"),
          kind: "local",
          dir: ".",
          answers: { team: "core" },
          files: ["README.md", ".gitignore"],
        },
      ],
    });
    const log = await run("git", ["log", "--oneline"], app);
    expect(log.stdout).toContain("Initial commit from create-litclaude");
    expect(parsed(result)["template"]).toMatchObject({ name: "solo", weakened: [] });
  });

  it("refuses flags about a baseline it does not have, and add, writing nothing", async () => {
    const { cwd, bin } = await workspace();
    await writeTemplate(join(cwd, "tpl"), SOLO, { "README.md": "# x\n" });
    const lang = await bin(["app", "--template", "tpl", "--lang", "go", "--yes"]);
    expect(lang.exitCode).toBe(2);
    expect(lang.stderr).toContain(
      "--lang does not apply: template solo extends no built-in baseline",
    );
    const add = await bin(["add", "--template", "tpl", "--yes"]);
    expect(add.exitCode).toBe(2);
    expect(add.stderr).toContain("add brings in a language, and this template has none");
    expect(await entries(cwd)).toEqual(["tpl"]);
  });
});
