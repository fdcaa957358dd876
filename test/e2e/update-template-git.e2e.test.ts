import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { git, read, status } from "./add-support.js";
import { expectGateGreen, pathExists, run, runBin, tempDir } from "./support.js";
import { commitAll, committedProject } from "./update-support.js";
import {
  STYLE_MAIN_LINE,
  STYLE_V1,
  STYLE_V2_LINE,
  changedFiles,
  makeTeamRepo,
  runEnv,
  type TeamRepo,
} from "./update-template-support.js";

let repo: TeamRepo;
beforeAll(async () => {
  repo = await makeTeamRepo();
});

const MY_STYLE_LINE = "Our own: tests first.\n\n";
const MY_AGENTS_NOTE = "\n## Our notes\n\nWe pair on every change.\n";

/** A TS project made from the team template at v1, committed; the cache its own. */
async function madeAtV1(): Promise<{ readonly dir: string; readonly env: Record<string, string> }> {
  const parent = await tempDir("litclaude-update-tpl-git-");
  const env = runEnv(repo, join(parent, "cache"));
  const dir = await committedProject(
    parent,
    ["--template", `${repo.url}#v1`, "--lang", "ts", "--answer", "team=payments", "--no-install"],
    "made from team v1",
    env,
  );
  return { dir, env };
}

function recordOf(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  const templates: unknown =
    typeof value === "object" && value !== null && "templates" in value
      ? value.templates
      : undefined;
  const first: unknown = Array.isArray(templates) ? templates[0] : undefined;
  if (typeof first !== "object" || first === null) throw new Error(text);
  return Object.fromEntries(Object.entries(first));
}

describe("update of a project made from a team template in git, at two tags", () => {
  it("v1 with user edits to v2: edits survive, v2 lands, twice changes nothing, the gate is green", async () => {
    const { dir, env } = await madeAtV1();
    expect(recordOf(await read(dir, ".litclaude/answers.json"))).toMatchObject({
      ref: "v1",
      commit: repo.v1,
    });
    await writeFile(join(dir, "docs/STYLE.md"), STYLE_V1.replace("\n\n", `\n\n${MY_STYLE_LINE}`));
    await writeFile(join(dir, "AGENTS.md"), `${await read(dir, "AGENTS.md")}${MY_AGENTS_NOTE}`);
    const manifest = await read(dir, "package.json");
    const withScript = manifest.replace(
      '  "scripts": {\n',
      '  "scripts": {\n    "mine": "echo mine",\n',
    );
    expect(withScript).not.toBe(manifest);
    await writeFile(join(dir, "package.json"), withScript);
    await commitAll(dir, "my edits");

    const dry = await runBin(["update", "--dry-run", "--json"], dir, env);
    expect(dry.exitCode, dry.output).toBe(0);
    expect(
      Object.fromEntries(changedFiles(dry.stdout).map((file) => [file.path, file.status])),
    ).toEqual({
      "AGENTS.md": "merged",
      "docs/ONCALL.md": "deleted",
      "docs/RUNBOOK.md": "created",
      "docs/STYLE.md": "merged",
    });
    const updated = await runBin(["update"], dir, env);
    expect(updated.exitCode, updated.output).toBe(0);
    expect(updated.stdout).toContain(
      `template  team: v1 (${repo.v1.slice(0, 12)}) -> v2 (${repo.v2.slice(0, 12)})`,
    );

    expect(await read(dir, "docs/STYLE.md")).toBe(
      `${STYLE_V1.replace("\n\n", `\n\n${MY_STYLE_LINE}`)}${STYLE_V2_LINE}`,
    );
    expect(await read(dir, "docs/STYLE.md")).not.toContain(STYLE_MAIN_LINE.trim());
    expect(await read(dir, "docs/RUNBOOK.md")).toBe("# Runbook\n\nAlerts go to #general.\n");
    expect(await pathExists(join(dir, "docs/ONCALL.md"))).toBe(false);
    const agents = await read(dir, "AGENTS.md");
    expect(agents).toContain("Ask the payments channel first, in #general.\n");
    expect(agents).not.toContain("Ask the payments channel first.\n");
    expect(agents.endsWith(MY_AGENTS_NOTE)).toBe(true);
    expect(await read(dir, "package.json")).toContain('"mine": "echo mine"');
    expect(await read(dir, ".gitignore")).toContain(".env.local\n");
    expect(recordOf(await read(dir, ".litclaude/answers.json"))).toMatchObject({
      ref: "v2",
      commit: repo.v2,
      version: "2.0.0",
      answers: { team: "payments", channel: "general" },
    });
    expect(recordOf(await read(dir, ".litclaude/answers.json"))["files"]).toContain(
      "docs/RUNBOOK.md",
    );
    await commitAll(dir, "updated to team v2");

    const again = await runBin(["update"], dir, env);
    expect(again.exitCode, again.output).toBe(0);
    expect(await status(dir)).toBe("");
    const check = await runBin(["update", "--check"], dir, env);
    expect(check.exitCode, check.output).toBe(0);

    const install = await run("npm", ["install", "--no-audit", "--no-fund"], dir);
    expect(install.exitCode, install.output).toBe(0);
    await expectGateGreen(dir);
  }, 600_000);

  it("--template-ref picks the template's ref; --to stays the tool's version", async () => {
    const { dir, env } = await madeAtV1();
    const dry = await runBin(["update", "--dry-run", "--json", "--template-ref", "main"], dir, env);
    expect(dry.exitCode, dry.output).toBe(0);
    const result: unknown = JSON.parse(dry.stdout);
    expect(result).toMatchObject({
      templates: [
        {
          name: "team",
          from: { ref: "v1", commit: repo.v1 },
          to: { ref: "main", commit: repo.main },
        },
      ],
    });
    const help = await runBin(["update", "--help"], dir, env);
    expect(help.stdout).toContain("--template-ref REF");
    expect(help.stdout).toContain("post-create tasks are not run");
    const to = await runBin(["update", "--dry-run", "--to", "v2"], dir, env);
    expect(to.exitCode, to.output).toBe(2);
    expect(to.stderr).toContain("it updates to its own version, not v2");
    expect(to.stderr).toContain("pass --template-ref v2");
    const check = await runBin(["update", "--check"], dir, env);
    expect(check.exitCode, check.output).toBe(1);
  }, 120_000);

  it("--offline updates from the cache once v2 was seen; a gone repository without it fails", async () => {
    const { dir, env } = await madeAtV1();
    const seen = await runBin(["update", "--dry-run"], dir, env);
    expect(seen.exitCode, seen.output).toBe(0);
    const away = `${repo.bare}.away`;
    await rename(repo.bare, away);
    try {
      const before = await readFile(join(dir, ".litclaude/answers.json"), "utf8");
      const online = await runBin(["update"], dir, env);
      expect(online.exitCode, online.output).toBe(1);
      expect(await read(dir, ".litclaude/answers.json")).toBe(before);
      const offline = await runBin(["update", "--offline"], dir, env);
      expect(offline.exitCode, offline.output).toBe(0);
      expect(recordOf(await read(dir, ".litclaude/answers.json"))).toMatchObject({
        ref: "v2",
        commit: repo.v2,
      });
      expect(await read(dir, "docs/RUNBOOK.md")).toContain("#general");
    } finally {
      await rename(away, repo.bare);
    }
  }, 120_000);

  it("an edit where v2 changes the same team lines is a conflict with markers, unmerged in git", async () => {
    const { dir, env } = await madeAtV1();
    await writeFile(join(dir, "docs/STYLE.md"), `${STYLE_V1}\nOur rule: no classes.\n`);
    await commitAll(dir, "my style rule");
    const updated = await runBin(["update"], dir, env);
    expect(updated.exitCode, updated.output).toBe(1);
    expect(updated.stderr).toContain("1 conflict(s): docs/STYLE.md");
    const style = await read(dir, "docs/STYLE.md");
    expect(style).toContain("<<<<<<<");
    expect(style).toContain("Our rule: no classes.");
    expect(style).toContain(STYLE_V2_LINE.trim());
    const stages = (await git(dir, ["ls-files", "-u", "docs/STYLE.md"])).stdout;
    expect(stages.trim().split("\n")).toHaveLength(3);
    expect(await read(dir, "docs/RUNBOOK.md")).toContain("#general");
  }, 120_000);
});
