import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, REPO_ROOT, pathExists, run } from "./support.js";
import { readJson, workspace, writeTemplate } from "./template-support.js";

const DRIVER = join(REPO_ROOT, "test", "e2e", "pty", "drive.py");
const ENTER = "\r";
const DOWN = "\u001b[B";

const MANIFEST = {
  name: "acme",
  extends: { lang: "ts", kind: "cli" },
  questions: [
    { id: "team", type: "string", message: "Which team owns it?", pattern: "^[a-z]+$" },
    { id: "db", type: "choice", message: "Database?", choices: ["none", "pg"] },
    { id: "pool", type: "number", message: "Pool size?", when: { db: "pg" }, default: 5 },
  ],
  tasks: [{ name: "mark", run: ["node", "tools/mark.mjs"] }],
};
const MARK = 'import { writeFileSync } from "node:fs";\nwriteFileSync("task-ran.txt", "ran");\n';

async function drive(
  steps: readonly (readonly [string, string])[],
  args: readonly string[],
): Promise<{
  readonly cwd: string;
  readonly output: string;
  readonly exitCode: number;
  readonly home: string;
}> {
  const { cwd, env } = await workspace();
  await writeTemplate(join(cwd, "tpl"), MANIFEST, {
    "tools/mark.mjs": MARK,
    "team.txt.hbs": "{{team}} {{db}}\n",
  });
  const result = await run(
    "python3",
    [DRIVER, JSON.stringify(steps), "--", process.execPath, BIN, ...args],
    cwd,
    { CI: "", ...env },
  );
  return {
    cwd,
    output: result.output,
    exitCode: result.exitCode,
    home: env["XDG_CONFIG_HOME"] ?? "",
  };
}

const CREATE = ["app", "--template", "tpl", "--name", "app", "--no-git", "--no-install"];

describe("a team template in a real terminal", () => {
  it("asks only the questions flags left open, then one consent screen listing every command", async () => {
    const { cwd, output, exitCode, home } = await drive(
      [
        ["Database?", `${DOWN}${ENTER}`],
        ["Pool size?", `8${ENTER}`],
        ["node tools/mark.mjs", ""],
        ["Run these 1 command(s)", `${DOWN}${ENTER}`],
      ],
      [...CREATE, "--answer", "team=payments"],
    );
    expect(exitCode, output).toBe(0);
    expect(output).not.toContain("Which team owns it?");
    expect(await readFile(join(cwd, "app/team.txt"), "utf8")).toBe("payments pg\n");
    expect(await readFile(join(cwd, "app/task-ran.txt"), "utf8")).toBe("ran");
    expect(output).toContain(
      "--template tpl --answer team=payments --answer db=pg --answer pool=8 --trust",
    );
    // "Yes, this time" trusts nothing for later runs.
    expect(await pathExists(join(home, "create-litclaude", "config.json"))).toBe(false);
  });

  it("declined at the consent screen, the tasks do not run; the files are still made", async () => {
    const { cwd, output, exitCode } = await drive(
      [
        ["Which team owns it?", `ops${ENTER}`],
        ["Database?", ENTER],
        ["Run these 1 command(s)", ENTER],
      ],
      CREATE,
    );
    expect(exitCode, output).toBe(0);
    expect(output).toContain("Template tasks not run: declined at the consent screen");
    expect(await readFile(join(cwd, "app/team.txt"), "utf8")).toBe("ops none\n");
    expect(await pathExists(join(cwd, "app/task-ran.txt"))).toBe(false);
  });

  it("trusting the source at the consent screen remembers it", async () => {
    const { cwd, output, exitCode, home } = await drive(
      [
        ["Which team owns it?", `ops${ENTER}`],
        ["Database?", ENTER],
        ["Run these 1 command(s)", `${DOWN}${DOWN}${ENTER}`],
      ],
      CREATE,
    );
    expect(exitCode, output).toBe(0);
    expect(await pathExists(join(cwd, "app/task-ran.txt"))).toBe(true);
    expect(await readJson(join(home, "create-litclaude", "config.json"))).toEqual({
      trustedSources: [join(cwd, "tpl")],
    });
  });
});
