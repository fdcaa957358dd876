import { describe, expect, it } from "vitest";
import type { ProjectFile } from "../../src/core/files.js";
import { outputSegment, renderLayers, templateSources, type Layer } from "../../src/core/render.js";
import { loadEngine, type RenderContext } from "../../src/core/template-engine.js";
import type { TemplateEntry } from "../../src/core/template-tree.js";

const encoder = new TextEncoder();

function entry(path: string, text: string, executable = false): TemplateEntry {
  return { path, bytes: encoder.encode(text), executable };
}

function layer(
  label: string,
  entries: readonly TemplateEntry[],
  verbatim = false,
  into = "",
): Layer {
  return { label, entries, verbatim, into };
}

function text(content: string | Uint8Array): string {
  return typeof content === "string" ? content : new TextDecoder().decode(content);
}

async function render(
  layers: readonly Layer[],
  context: RenderContext,
  partials: Readonly<Record<string, string>>,
): Promise<readonly ProjectFile[]> {
  return renderLayers(layers, context, await loadEngine(templateSources(layers), partials));
}

describe("outputSegment", () => {
  it.each([
    ["_gitignore", ".gitignore"],
    ["_github", ".github"],
    ["__init__.py", "__init__.py"],
    ["main.go", "main.go"],
    ["_", "_"],
  ])("%s -> %s", (segment, expected) => {
    expect(outputSegment(segment)).toBe(expected);
  });
});

describe("renderLayers", () => {
  const context = { name: "demo", importName: "demo_pkg", isCli: true };

  it("renders .hbs files and path variables, copies other files byte for byte", async () => {
    const files = await render(
      [
        layer("t", [
          entry("README.md.hbs", "# {{name}}{{#if isCli}} (cli){{/if}}\n"),
          entry("src/{{importName}}/__init__.py", "{{not rendered}}"),
          entry("_gitignore", "dist/\n"),
        ]),
      ],
      context,
      {},
    );
    expect(files.map((file) => [file.path, text(file.content)])).toEqual([
      [".gitignore", "dist/\n"],
      ["README.md", "# demo (cli)\n"],
      ["src/demo_pkg/__init__.py", "{{not rendered}}"],
    ]);
  });

  it("lets a later layer replace a file of an earlier one", async () => {
    const files = await render(
      [layer("a", [entry("x.txt", "first")]), layer("b", [entry("x.txt", "second")])],
      context,
      {},
    );
    expect(files.map((file) => text(file.content))).toEqual(["second"]);
  });

  it("keeps verbatim layers as they are, under their folder", async () => {
    const files = await render(
      [layer("p", [entry("_x/a.hbs", "{{name}}")], true, ".claude/p")],
      context,
      {},
    );
    expect(files.map((file) => [file.path, text(file.content)])).toEqual([
      [".claude/p/_x/a.hbs", "{{name}}"],
    ]);
  });

  it("turns _name segments of a verbatim layer into dotfiles when the layer asks for it", async () => {
    const files = await render(
      [{ ...layer("n", [entry("_litclaude/x/a.mjs.hbs", "{{name}}")], true), dotfiles: true }],
      context,
      {},
    );
    expect(files.map((file) => [file.path, text(file.content)])).toEqual([
      [".litclaude/x/a.mjs.hbs", "{{name}}"],
    ]);
  });

  it("makes scripts/ and executable sources executable, nothing else", async () => {
    const files = await render(
      [
        layer("t", [
          entry("scripts/check", "#!/bin/sh\n"),
          entry("hook.sh", "", true),
          entry("a.txt", ""),
        ]),
      ],
      context,
      {},
    );
    expect(Object.fromEntries(files.map((file) => [file.path, file.executable]))).toEqual({
      "a.txt": false,
      "hook.sh": true,
      "scripts/check": true,
    });
  });

  it("renders partials", async () => {
    const files = await render([layer("t", [entry("A.md.hbs", "top\n{{> rules}}")])], context, {
      rules: "- {{name}} rule\n",
    });
    expect(text(files[0]?.content ?? "")).toBe("top\n- demo rule\n");
  });

  it("names the template when a variable is unknown", async () => {
    await expect(
      render([layer("templates/x", [entry("a.hbs", "{{missing}}")])], context, {}),
    ).rejects.toThrow(/template templates\/x\/a\.hbs: .*missing/);
  });
});
