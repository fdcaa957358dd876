import { describe, expect, it } from "vitest";
import { checkTemplateFolder } from "../../src/template/load.js";
import { trialRender } from "../../src/template/trial-render.js";
import { MINIMAL_MANIFEST, expectUsage, templateFixture } from "./template-support.js";

const withTeam = (question: object) => ({
  ...MINIMAL_MANIFEST,
  questions: [{ id: "team", type: "string", ...question }],
});

describe("template check renders every file once on trial", () => {
  it("with the baseline's variables and the defaults, without writing", async () => {
    const dir = await templateFixture(
      { "{{binName}}/{{team}}.md.hbs": "{{name}} {{team}} {{#if isCli}}cli{{/if}}" },
      withTeam({ default: "core" }),
    );
    const checked = await checkTemplateFolder(dir);
    await expect(trialRender(checked, dir)).resolves.toEqual([]);
  });

  it("finds a variable nobody defines", async () => {
    const dir = await templateFixture({ "a.md.hbs": "{{tema}}" }, withTeam({ default: "core" }));
    const checked = await checkTemplateFolder(dir);
    await expectUsage(trialRender(checked, dir), /template acme\/a\.md\.hbs: "tema" not defined/);
  });

  it("finds a default that renders a path out of the project", async () => {
    const dir = await templateFixture({ "{{team}}/a.md": "a" }, withTeam({ default: ".." }));
    const checked = await checkTemplateFolder(dir);
    await expectUsage(trialRender(checked, dir), /leaves the project/);
  });

  it("names the questions it cannot make up an answer for", async () => {
    const dir = await templateFixture(
      { "a.md.hbs": "{{team}}" },
      withTeam({ pattern: "^[0-9]+$" }),
    );
    const checked = await checkTemplateFolder(dir);
    await expect(trialRender(checked, dir)).resolves.toEqual(["team"]);
  });
});

describe("a template that extends none", () => {
  it("renders on trial with the variables every project has, and no language's", async () => {
    const manifest = { name: "solo", extends: "none" };
    const ok = await templateFixture({ "README.md.hbs": "# {{name}} {{year}}" }, manifest);
    await expect(trialRender(await checkTemplateFolder(ok), ok)).resolves.toEqual([]);
    const bad = await templateFixture({ "README.md.hbs": "# {{binName}}" }, manifest);
    await expectUsage(trialRender(await checkTemplateFolder(bad), bad), /"binName" not defined/);
  });
});
