import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git, read, status } from "./add-support.js";
import { pathExists, runBin, tempDir } from "./support.js";
import { writeTemplate } from "./template-support.js";
import { commitAll, committedProject } from "./update-support.js";
import { changedFiles } from "./update-template-support.js";

const MANIFEST = {
  name: "tpl",
  version: "1.0.0",
  extends: { lang: "ts" },
  questions: [{ id: "team", type: "string", default: "platform" }],
};

const TEAM_FILES = {
  "AGENTS.md.hbs": "## Team {{team}}\n\nAsk the {{team}} channel first.\n",
  _gitignore: "# the team's own\n.env.local\n",
  "docs/OWNERS.md.hbs": "# Owners of {{name}}\n\n- team {{team}}\n",
};

/** A project made from a local-folder team template, committed in git. */
async function made(): Promise<{ readonly parent: string; readonly dir: string }> {
  const parent = await tempDir("litclaude-update-tpl-local-");
  await writeTemplate(join(parent, "tpl"), MANIFEST, TEAM_FILES);
  const dir = await committedProject(
    parent,
    ["--template", "./tpl", "--lang", "ts", "--answer", "team=payments", "--no-install"],
    "made from the team template",
  );
  return { parent, dir };
}

describe("update of a project made from a local-folder team template", () => {
  it("renders the team layer again: nothing changed means no team file deleted or changed", async () => {
    const { dir } = await made();
    const dry = await runBin(["update", "--dry-run", "--json"], dir);
    expect(dry.exitCode, dry.output).toBe(0);
    const changed = changedFiles(dry.stdout);
    expect(changed).toEqual([]);
    const ref = await runBin(["update", "--template-ref", "v2"], dir);
    expect(ref.exitCode, ref.output).toBe(2);
    expect(ref.stderr).toContain("is the local folder");
    const real = await runBin(["update"], dir);
    expect(real.exitCode, real.output).toBe(0);
    expect(await status(dir)).toBe("");
    expect(await read(dir, "docs/OWNERS.md")).toBe("# Owners of app\n\n- team payments\n");
  });

  it("takes the folder's new content, records its new version and the answer to its new question", async () => {
    const { parent, dir } = await made();
    const tpl = join(parent, "tpl");
    await writeTemplate(
      tpl,
      {
        ...MANIFEST,
        version: "1.1.0",
        questions: [...MANIFEST.questions, { id: "channel", type: "string", default: "general" }],
      },
      {
        ...TEAM_FILES,
        "docs/OWNERS.md.hbs": "# Owners of {{name}}\n\n- team {{team}}, in #{{channel}}\n",
      },
    );
    const result = await runBin(["update", "--answer", "template.channel=pay-dev"], dir);
    expect(result.exitCode, result.output).toBe(0);
    expect(await read(dir, "docs/OWNERS.md")).toBe(
      "# Owners of app\n\n- team payments, in #pay-dev\n",
    );
    const answers: unknown = JSON.parse(await read(dir, ".litclaude/answers.json"));
    expect(answers).toMatchObject({
      templates: [
        { name: "tpl", version: "1.1.0", answers: { team: "payments", channel: "pay-dev" } },
      ],
    });
    const unknown = await runBin(["update", "--answer", "template.nope=1"], dir);
    expect(unknown.exitCode, unknown.output).toBe(2);
    expect(unknown.stderr).toContain("--answer template.nope=1: no team template here asks");
    const again = await runBin(["update", "--dry-run", "--json"], dir);
    expect(changedFiles(again.stdout)).toEqual([]);
  });

  it("a required new question without a default and no --answer is exit 2 naming it", async () => {
    const { parent, dir } = await made();
    await writeTemplate(
      join(parent, "tpl"),
      { ...MANIFEST, questions: [...MANIFEST.questions, { id: "cost", type: "string" }] },
      TEAM_FILES,
    );
    const before = await readFile(join(dir, ".litclaude/answers.json"), "utf8");
    const result = await runBin(["update"], dir);
    expect(result.exitCode, result.output).toBe(2);
    expect(result.stderr).toContain('missing the answer to "cost"');
    expect(result.stderr).toContain("--answer template.cost=");
    expect(await read(dir, ".litclaude/answers.json")).toBe(before);
  });

  it("a template folder that is gone is exit 2 naming where it was and the fix", async () => {
    const { parent, dir } = await made();
    await rename(join(parent, "tpl"), join(parent, "moved"));
    const result = await runBin(["update", "--dry-run"], dir);
    expect(result.exitCode, result.output).toBe(2);
    expect(result.stderr).toContain(join(parent, "tpl"));
    expect(result.stderr).toContain("answers.json");
    expect(await pathExists(join(dir, "docs/OWNERS.md"))).toBe(true);
  });

  it("a team template add --template laid over a language in a folder is rendered again there", async () => {
    const parent = await tempDir("litclaude-update-tpl-add-");
    const tpl = join(parent, "pytpl");
    const manifest = { ...MANIFEST, name: "pytpl", extends: { lang: "python" } };
    await writeTemplate(tpl, manifest, {
      "AGENTS.md.hbs": "## Team {{team}}\n\nPython rules of {{team}}.\n",
      "docs/OWNERS.md.hbs": "# Owners\n\n- {{team}}\n",
    });
    const created = await runBin(
      ["app", "--lang", "ts", "--yes", "--no-install", "--no-git"],
      parent,
    );
    expect(created.exitCode, created.output).toBe(0);
    const dir = join(parent, "app");
    await git(dir, ["init", "-q", "-b", "main"]);
    await commitAll(dir, "made");
    const added = await runBin(["add", "python", "--dir", "svc", "--template", tpl], dir);
    expect(added.exitCode, added.output).toBe(0);
    await commitAll(dir, "added python with the team template");
    const dry = await runBin(["update", "--dry-run", "--json"], dir);
    expect(dry.exitCode, dry.output).toBe(0);
    expect(changedFiles(dry.stdout)).toEqual([]);

    await writeTemplate(
      tpl,
      { ...manifest, version: "1.1.0" },
      {
        "AGENTS.md.hbs": "## Team {{team}}\n\nPython rules of {{team}}, second edition.\n",
        "docs/OWNERS.md.hbs": "# Owners\n\n- {{team}}\n",
      },
    );
    const updated = await runBin(["update"], dir);
    expect(updated.exitCode, updated.output).toBe(0);
    expect(updated.stdout).toContain("template  pytpl in svc: 1.0.0 -> 1.1.0\n");
    const agents = await read(dir, "AGENTS.md");
    expect(agents).toContain("<!-- litclaude:begin template/python/svc -->");
    expect(agents).toContain("Python rules of platform, second edition.\n");
    expect(await read(dir, "svc/docs/OWNERS.md")).toBe("# Owners\n\n- platform\n");
    expect(await read(dir, ".litclaude/answers.json")).toContain('"version": "1.1.0"');
    await commitAll(dir, "updated");
    const check = await runBin(["update", "--check"], dir);
    expect(check.exitCode, check.output).toBe(0);
  });

  it("--template-ref in a project without a team template is exit 2", async () => {
    const parent = await tempDir("litclaude-update-no-tpl-");
    const created = await runBin(
      ["app", "--lang", "ts", "--yes", "--no-install", "--no-git"],
      parent,
    );
    expect(created.exitCode, created.output).toBe(0);
    const result = await runBin(["update", "--template-ref", "v2"], join(parent, "app"));
    expect(result.exitCode, result.output).toBe(2);
    expect(result.stderr).toContain("--template-ref v2: this project records no team template");
  });
});

describe("update of a project made from a template that stands alone", () => {
  it("renders the team's files again: unchanged stays, a change in the template lands, yours survive", async () => {
    const parent = await tempDir("litclaude-update-tpl-alone-");
    const tpl = join(parent, "tpl");
    const manifest = { name: "solo", version: "1.0.0", extends: "none" };
    await writeTemplate(tpl, manifest, {
      "README.md.hbs": "# {{name}}\n\nOurs.\n",
      "notes.txt": "one\ntwo\nthree\n",
    });
    const dir = await committedProject(
      parent,
      ["--template", "./tpl"],
      "made from the standalone template",
    );
    const dry = await runBin(["update", "--dry-run", "--json"], dir);
    expect(dry.exitCode, dry.output).toBe(0);
    expect(changedFiles(dry.stdout)).toEqual([]);

    await writeTemplate(
      tpl,
      { ...manifest, version: "1.1.0" },
      {
        "README.md.hbs": "# {{name}}\n\nOurs, now with a second line.\n",
        "notes.txt": "one\ntwo\nthree\n",
      },
    );
    await writeFile(join(dir, "notes.txt"), "one\ntwo\nthree\nfour, mine\n");
    await commitAll(dir, "a note of mine");
    const real = await runBin(["update"], dir);
    expect(real.exitCode, real.output).toBe(0);
    expect(await read(dir, "README.md")).toBe("# app\n\nOurs, now with a second line.\n");
    expect(await read(dir, "notes.txt")).toBe("one\ntwo\nthree\nfour, mine\n");
    const answers = await readFile(join(dir, ".litclaude/answers.json"), "utf8");
    expect(answers).toContain('"version": "1.1.0"');
    expect(answers).toContain('"projectName": "app"');
  });
});
