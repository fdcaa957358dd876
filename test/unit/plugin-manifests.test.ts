import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { marketplaceManifestSchema, pluginManifestSchema } from "../../src/plugin/schemas.js";

const root = join(import.meta.dirname, "..", "..");
const plugin = join(root, "content", "plugin");

async function json(path: string): Promise<unknown> {
  const parsed: unknown = JSON.parse(await readFile(path, "utf8"));
  return parsed;
}

async function packageVersion(): Promise<string> {
  const pkg: unknown = await json(join(root, "package.json"));
  if (
    typeof pkg !== "object" ||
    pkg === null ||
    !("version" in pkg) ||
    typeof pkg.version !== "string"
  ) {
    throw new Error("package.json has no version");
  }
  return pkg.version;
}

describe("plugin and marketplace manifests", () => {
  it("plugin.json passes our schema and carries the package version", async () => {
    const manifest = pluginManifestSchema.parse(
      await json(join(plugin, ".claude-plugin", "plugin.json")),
    );
    expect(manifest.name).toBe("litclaude");
    expect(manifest.version).toBe(await packageVersion());
  });

  it("marketplace.json lists the plugin from content/plugin at the same version", async () => {
    const market = marketplaceManifestSchema.parse(
      await json(join(root, ".claude-plugin", "marketplace.json")),
    );
    expect(market.name).toBe("litclaude");
    expect(market.plugins).toEqual([
      expect.objectContaining({
        name: "litclaude",
        source: "./content/plugin",
        version: await packageVersion(),
      }),
    ]);
  });

  it("the schemas reject what Claude Code would refuse", () => {
    expect(pluginManifestSchema.safeParse({ name: "Lit Claude" }).success).toBe(false);
    const entry = { name: "litclaude", source: ".", description: "d", version: "1.0.0" };
    const market = { name: "litclaude", owner: { name: "o" }, plugins: [entry] };
    expect(marketplaceManifestSchema.safeParse(market).success).toBe(false);
  });

  it("hooks run the plugin's own scripts through CLAUDE_PLUGIN_ROOT, which stay executable", async () => {
    const hooks = await readFile(join(plugin, "hooks", "hooks.json"), "utf8");
    const commands = [...hooks.matchAll(/"command": "(.*)"/g)].map((match) => match[1] ?? "");
    expect(commands).toHaveLength(2);
    for (const command of commands)
      expect(command).toMatch(/^bash \\"\$\{CLAUDE_PLUGIN_ROOT\}\/hooks\/[\w-]+\.sh\\"$/);
    expect(hooks).toContain('"matcher": "Edit|Write|MultiEdit"');
    for (const script of ["check-edited-file.sh", "session-start.sh"]) {
      expect((await stat(join(plugin, "hooks", script))).mode & 0o111).not.toBe(0);
    }
  });
});
