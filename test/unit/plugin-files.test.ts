import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LitError } from "../../src/core/errors.js";
import { readTemplateTree } from "../../src/core/template-tree.js";
import { pluginFiles, type ContentEntry } from "../../src/plugin/files.js";
import { claudeSettingsSchema } from "../../src/plugin/schemas.js";

const root = join(import.meta.dirname, "..", "..");
const readContentTree = (dir: string): Promise<readonly ContentEntry[]> =>
  readTemplateTree(join(root, dir));

function text(content: string | Uint8Array): string {
  return typeof content === "string" ? content : new TextDecoder().decode(content);
}

describe("pluginFiles", () => {
  it("vendors the whole plugin under .claude/skills/litclaude, keeping executable hooks", async () => {
    const files = await pluginFiles("vendor", undefined, readContentTree);
    const paths = files.map((file) => file.path);
    const source = await readContentTree("content/plugin");
    expect(paths).toEqual(source.map((entry) => `.claude/skills/litclaude/${entry.path}`));
    expect(paths).toContain(".claude/skills/litclaude/.claude-plugin/plugin.json");
    expect(paths).toContain(".claude/skills/litclaude/hooks/hooks.json");
    const hook = files.find((file) => file.path.endsWith("/hooks/check-edited-file.sh"));
    expect(hook?.executable).toBe(true);
    expect(files.find((file) => file.path.endsWith("/SKILL.md"))?.executable).toBe(false);
  });

  it("refuses to vendor a plugin whose manifest is broken", async () => {
    const broken = (): Promise<readonly ContentEntry[]> =>
      Promise.resolve([
        {
          path: ".claude-plugin/plugin.json",
          bytes: new TextEncoder().encode('{"name":"Bad Name"}'),
          executable: false,
        },
      ]);
    await expect(pluginFiles("vendor", undefined, broken)).rejects.toThrow(
      /plugin\.json is invalid/,
    );
  });

  it("declares the marketplace and enables the plugin for marketplace mode", async () => {
    const files = await pluginFiles("marketplace", "./tools/litclaude", readContentTree);
    expect(files.map((file) => file.path)).toEqual([".claude/settings.json"]);
    const settings: unknown = JSON.parse(text(files[0]?.content ?? ""));
    expect(claudeSettingsSchema.parse(settings)).toEqual({
      extraKnownMarketplaces: {
        litclaude: { source: { source: "directory", path: "./tools/litclaude" } },
      },
      enabledPlugins: { "litclaude@litclaude": true },
    });
  });

  it("defaults the marketplace to the published npm package", async () => {
    const files = await pluginFiles("marketplace", undefined, readContentTree);
    expect(text(files[0]?.content ?? "")).toContain('"package": "create-litclaude"');
  });

  it("rejects an unreadable marketplace source as a usage error", async () => {
    const result = pluginFiles("marketplace", "not a source", readContentTree);
    await expect(result).rejects.toBeInstanceOf(LitError);
    await expect(result).rejects.toMatchObject({ exitCode: 2 });
  });

  it("adds nothing for mode none", async () => {
    expect(await pluginFiles("none", undefined, readContentTree)).toEqual([]);
  });
});
