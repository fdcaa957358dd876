import { mkdir, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ProjectFile } from "../../src/core/files.js";
import { layerOver } from "../../src/template/layer.js";
import { TEMPLATE_LIMITS } from "../../src/template/limits.js";
import { checkTemplateFolder } from "../../src/template/load.js";
import { renderTeamFiles } from "../../src/template/render-team.js";
import { MINIMAL_MANIFEST, expectUsage, templateFixture } from "./template-support.js";

/** A template whose one file's name is a question's default, rendered as a path part. */
async function renderedName(value: string): Promise<unknown> {
  const manifest = {
    ...MINIMAL_MANIFEST,
    questions: [{ id: "where", type: "string", default: value }],
  };
  const dir = await templateFixture({ "{{where}}/x.txt": "x" }, manifest);
  const checked = await checkTemplateFolder(dir);
  const engine = { render: (source: string) => source.replace("{{where}}", value) };
  return renderTeamFiles(checked.selected, engine, {}, "t", "");
}

describe("a team template is untrusted: each rule refuses with exit 2 and the path", () => {
  it("a path part that renders to ..", async () => {
    await expectUsage(renderedName(".."), /\{\{where\}\}\/x\.txt: .*leaves the project/);
  });

  it("a path part that renders to an absolute path", async () => {
    await expectUsage(renderedName("/etc"), /\{\{where\}\}\/x\.txt: .*absolute path/);
  });

  it("a path part that renders to a deeper path, or into .git/", async () => {
    await expectUsage(renderedName("a/../../b"), /holds a \//);
    await expectUsage(renderedName(".git"), /writes into \.git\//);
    await expectUsage(renderedName(".Git"), /writes into \.Git\//);
  });

  it("a file that lands in .litclaude/, which the tool owns", async () => {
    const dir = await templateFixture({ "_litclaude/answers.json": "{}" });
    await expectUsage(
      checkTemplateFolder(dir),
      /_litclaude\/answers\.json: writes into \.litclaude\//,
    );
  });

  it("a symlink pointing outside the template", async () => {
    const dir = await templateFixture({ "ok.txt": "ok" });
    await symlink(join(tmpdir(), "..", "etc", "passwd"), join(dir, "passwd"));
    await expectUsage(checkTemplateFolder(dir), /passwd: a symlink pointing outside the template/);
  });

  it("a symlink inside the template is read as the file it points to", async () => {
    const dir = await templateFixture({ "real.txt": "real" });
    await symlink(join(dir, "real.txt"), join(dir, "alias.txt"));
    const checked = await checkTemplateFolder(dir);
    expect(checked.selected.map((item) => item.entry.path)).toEqual(["alias.txt", "real.txt"]);
  });

  it("two names equal but for case", async () => {
    const dir = await templateFixture({ "docs/Guide.md": "a", "docs/guide.md": "b" });
    await expectUsage(
      checkTemplateFolder(dir),
      /docs\/[Gg]uide\.md: differs from docs\/[Gg]uide\.md only by case/,
    );
  });

  it("a team file equal but for case to one of the baseline's", async () => {
    const file = (path: string): ProjectFile => ({ path, content: "x", executable: false });
    await expectUsage(
      layerOver([file("README.md")], [file("readme.md")]),
      /readme\.md: differs from README\.md only by case/,
    );
  });

  it("a file over the size limit", async () => {
    const dir = await templateFixture({
      "big.bin": new Uint8Array(TEMPLATE_LIMITS.maxFileBytes + 1),
    });
    await expectUsage(checkTemplateFolder(dir), /big\.bin: \d+ bytes, over the limit/);
  });

  it("too many files", async () => {
    const dir = await templateFixture({});
    await mkdir(join(dir, "many"));
    await Promise.all(
      Array.from({ length: TEMPLATE_LIMITS.maxFiles + 1 }, async (_, index) =>
        writeFile(join(dir, "many", `f${String(index)}.txt`), ""),
      ),
    );
    await expectUsage(
      checkTemplateFolder(dir),
      /many\/f\d+\.txt: the template holds more than 500 files/,
    );
  });

  it("handlebars that reaches a prototype", async () => {
    for (const source of [
      "{{constructor}}",
      "{{this.__proto__.x}}",
      "{{#each items}}{{prototype}}{{/each}}",
    ]) {
      const dir = await templateFixture({ "a.md.hbs": `x\n${source}` });
      await expectUsage(checkTemplateFolder(dir), /a\.md\.hbs:2: .*reaches a prototype/);
    }
  });

  it("handlebars that calls a helper we did not register", async () => {
    for (const source of [
      "{{shout name}}",
      "{{#loud}}x{{/loud}}",
      "{{lookup this 'a'}}",
      "{{log name}}",
      "{{x (shout name)}}",
    ]) {
      const dir = await templateFixture(
        { "a.md.hbs": source },
        {
          ...MINIMAL_MANIFEST,
        },
      );
      const pattern =
        source === "{{#loud}}x{{/loud}}"
          ? undefined
          : /a\.md\.hbs:1: helper "\w+" is not registered/;
      if (pattern === undefined) {
        // A block without arguments is a section over a variable, which strict rendering checks.
        await expect(checkTemplateFolder(dir)).resolves.toBeDefined();
      } else {
        await expectUsage(checkTemplateFolder(dir), pattern);
      }
    }
  });

  it("a partial we do not provide, a dynamic partial, a decorator, a syntax error", async () => {
    const cases: readonly [string, RegExp][] = [
      ["{{> secrets}}", /partial secrets is not one we provide/],
      ["{{> (whichPartial) }}", /partial \(computed\)/],
      ["{{* decorate}}", /decorators are not allowed/],
      ["{{#if x}}", /a\.md\.hbs/],
    ];
    for (const [source, message] of cases) {
      const dir = await templateFixture({ "a.md.hbs": source });
      await expectUsage(checkTemplateFolder(dir), message);
    }
  });

  it("a path part with handlebars is checked like file contents", async () => {
    const dir = await templateFixture({ "{{constructor}}.txt": "x" });
    await expectUsage(
      checkTemplateFolder(dir),
      /\{\{constructor\}\}\.txt:1: .*reaches a prototype/,
    );
  });

  it("takes a clean template, the manifest and .git/ left out", async () => {
    const dir = await templateFixture({
      "a.md.hbs": "{{#if (eq team 'x')}}{{upper name}}{{/if}}",
      ".git/HEAD": "ref",
    });
    const checked = await checkTemplateFolder(dir);
    expect(checked.selected.map((item) => item.entry.path)).toEqual(["a.md.hbs"]);
  });
});
