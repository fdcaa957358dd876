import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyToExisting } from "../../src/core/apply.js";
import { LitError } from "../../src/core/errors.js";
import { packageRoot } from "../../src/core/package-root.js";
import { planFiles } from "../../src/core/plan.js";
import { readTemplateTree } from "../../src/core/template-tree.js";
import { pluginFiles } from "../../src/plugin/files.js";

const USER_SETTINGS = `{
  // the team's own settings
  "permissions": { "allow": ["Bash(npm test)"] },
  "enabledPlugins": { "other@team": true }
}
`;

async function repoWithSettings(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "litclaude-existing-"));
  await mkdir(join(dir, ".claude"));
  await writeFile(join(dir, ".claude", "settings.json"), text);
  return dir;
}

function marketplaceFiles() {
  return pluginFiles("marketplace", "./vendor/litclaude", (dir) =>
    readTemplateTree(join(packageRoot(), dir)),
  );
}

describe("installing the plugin into a repo that has .claude/settings.json", () => {
  it("merges into the user's settings, keeping their keys and comments, and a second run changes nothing", async () => {
    const dir = await repoWithSettings(USER_SETTINGS);
    const first = await planFiles(dir, await marketplaceFiles(), false);
    expect(first.entries.map((entry) => entry.action)).toEqual(["merge"]);
    await applyToExisting(first);
    const merged = await readFile(join(dir, ".claude", "settings.json"), "utf8");
    expect(merged).toContain("// the team's own settings");
    expect(merged).toContain('"Bash(npm test)"');
    expect(merged).toContain('"other@team": true');
    expect(merged).toContain('"litclaude@litclaude": true');
    expect(merged).toContain('"path": "./vendor/litclaude"');

    const second = await planFiles(dir, await marketplaceFiles(), false);
    expect(second.entries.map((entry) => entry.action)).toEqual(["identical"]);
  });

  it("refuses malformed settings with the file and line, as a usage error, leaving it untouched", async () => {
    const broken = '{\n  "permissions": {\n    "allow": [\n  }\n';
    const dir = await repoWithSettings(broken);
    const planned = planFiles(dir, await marketplaceFiles(), false);
    await expect(planned).rejects.toBeInstanceOf(LitError);
    await expect(planned).rejects.toMatchObject({
      kind: "usage",
      location: { file: join(dir, ".claude", "settings.json"), line: 4 },
    });
    expect(await readFile(join(dir, ".claude", "settings.json"), "utf8")).toBe(broken);
  });
});
