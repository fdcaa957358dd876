import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { lastLine, run, runBin } from "./support.js";
import { git, read, repoWith, status } from "./add-support.js";

const GITIGNORE = "node_modules/\n# build output\ndist\nmy-target-old\n";
const SETTINGS = '{\n  // mine\n  "model": "opus",\n  "permissions": { "allow": ["Read"] }\n}\n';
const AGENTS = "# Hand-written\n\nBe kind.\n";

describe("create-litclaude add at the root of a repo", () => {
  it("follows the package manager the repo's lockfile names, not the one that ran us", async () => {
    const dir = await repoWith({ "pnpm-lock.yaml": "lockfileVersion: '9.0'\n" });
    const added = await runBin(["add", "ts", "--dir", "web", "--name", "web"], dir, {
      npm_config_user_agent: "npm/11.0.0 node/v20",
    });
    expect(added.exitCode, added.output).toBe(0);
    const workflow = await read(dir, ".github/workflows/ci.yml");
    expect(workflow).toContain("pnpm install --frozen-lockfile");
    expect(workflow).not.toMatch(/run: npm (ci|install)$/m);
  });

  it("an empty git repo + add ts: the combined gate is green after npm install", async () => {
    const dir = await repoWith({});
    const added = await runBin(["add", "ts", "--name", "empty-repo"], dir);
    expect(added.exitCode, added.output).toBe(0);
    expect(await read(dir, "scripts/check")).toContain("gate ts scripts/check-ts\n");
    expect(await read(dir, ".github/workflows/ci.yml")).toContain("  ts:\n");
    const install = await run("npm", ["install", "--no-audit", "--no-fund"], dir);
    expect(install.exitCode, install.output).toBe(0);
    const gate = await run(join(dir, "scripts/check"), [], dir);
    expect(lastLine(gate.output), gate.output).toBe("OK");
  }, 600_000);

  it("hand-edited .gitignore, .claude/settings.json with comments and AGENTS.md keep every byte outside the merged regions; rust's gate is green", async () => {
    const dir = await repoWith({
      ".gitignore": GITIGNORE,
      ".claude/settings.json": SETTINGS,
      "AGENTS.md": AGENTS,
    });
    const added = await runBin(["add", "rust", "--name", "hand", "--plugin", "marketplace"], dir);
    expect(added.exitCode, added.output).toBe(0);
    expect(await read(dir, ".gitignore")).toBe(
      `${GITIGNORE}\n# added by create-litclaude\n/target/\n`,
    );
    const settings = await read(dir, ".claude/settings.json");
    expect(
      settings.startsWith(
        '{\n  // mine\n  "model": "opus",\n  "permissions": { "allow": ["Read"] },\n',
      ),
    ).toBe(true);
    expect(settings).toContain('"litclaude@litclaude": true');
    const agents = await read(dir, "AGENTS.md");
    expect(agents.startsWith(`${AGENTS}\n<!-- litclaude:begin shared -->\n`)).toBe(true);
    expect(agents).toContain("<!-- litclaude:begin rust -->\n");
    const gate = await run(join(dir, "scripts/check"), [], dir);
    expect(lastLine(gate.output), gate.output).toBe("OK");
    await git(dir, ["add", "--all"]);
    await git(dir, ["commit", "-q", "-m", "add rust"]);
    const again = await runBin(["add", "rust", "--name", "hand", "--plugin", "marketplace"], dir);
    expect(again.stdout).toContain("Nothing to change");
    expect(await status(dir)).toBe("");
  }, 600_000);
});
