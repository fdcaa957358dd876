import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pathExists } from "./support.js";
import { entries, parsed, readJson, workspace, writeTemplate } from "./template-support.js";

const NO_TASKS = ["--yes", "--no-install", "--no-git"];
const MARK =
  'import { writeFileSync } from "node:fs";\nwriteFileSync("task-ran.txt", process.cwd());\n';

function withTask(extra: object = {}): object {
  return {
    name: "acme",
    extends: { lang: "ts", kind: "cli" },
    tasks: [{ name: "mark", run: ["node", "tools/mark.mjs"] }],
    ...extra,
  };
}

describe("team template tasks and trust through the bin", () => {
  it("tasks are skipped and listed without trust; --trust runs them and is remembered", async () => {
    const { cwd, env, bin } = await workspace();
    await writeTemplate(join(cwd, "tpl"), withTask(), { "tools/mark.mjs": MARK });
    const untrusted = await bin(["one", "--template", "tpl", ...NO_TASKS]);
    expect(untrusted.exitCode, untrusted.output).toBe(0);
    expect(untrusted.stdout).toContain("Template tasks not run: the template is not trusted");
    expect(untrusted.stdout).toContain("    $ node tools/mark.mjs\n");
    expect(await pathExists(join(cwd, "one/task-ran.txt"))).toBe(false);
    const json = parsed(await bin(["two", "--template", "tpl", "--json", ...NO_TASKS]));
    const tasks = Array.isArray(json["tasks"]) ? json["tasks"] : [];
    const skipped: unknown = tasks.find(
      (task: unknown) => Reflect.get(Object(task), "name") === "template",
    );
    expect(skipped).toMatchObject({ status: "skipped", command: "node tools/mark.mjs" });
    expect(String(Reflect.get(Object(skipped), "reason"))).toMatch(/not trusted/);
    const trusted = await bin(["three", "--template", "tpl", "--trust", ...NO_TASKS]);
    expect(trusted.exitCode, trusted.output).toBe(0);
    expect(await readFile(join(cwd, "three/task-ran.txt"), "utf8")).toBe(join(cwd, "three"));
    const config = join(env["XDG_CONFIG_HOME"] ?? "", "create-litclaude", "config.json");
    expect(await readJson(config)).toEqual({ trustedSources: [join(cwd, "tpl")] });
    const remembered = await bin(["four", "--template", "tpl", ...NO_TASKS]);
    expect(remembered.exitCode, remembered.output).toBe(0);
    expect(await pathExists(join(cwd, "four/task-ran.txt"))).toBe(true);
  });

  it("--dry-run plans the team's files and writes nothing; --offline takes a local folder", async () => {
    const { cwd, env, bin } = await workspace();
    await writeTemplate(join(cwd, "tpl"), withTask(), {
      "docs/x.md": "x\n",
      "tools/mark.mjs": MARK,
    });
    const result = await bin([
      "app",
      "--template",
      "tpl",
      "--offline",
      "--trust",
      "--dry-run",
      "--json",
      ...NO_TASKS,
    ]);
    expect(result.exitCode, result.output).toBe(0);
    const report = parsed(result);
    const files = Array.isArray(report["files"]) ? report["files"] : [];
    expect(files.map((file: unknown) => String(Reflect.get(Object(file), "path")))).toContain(
      "docs/x.md",
    );
    expect(JSON.stringify(report["tasks"])).toContain(
      '"command":"node tools/mark.mjs","status":"planned"',
    );
    expect(await entries(cwd)).not.toContain("app");
    // A dry run remembers no trust either.
    expect(await entries(join(env["XDG_CONFIG_HOME"] ?? "", "create-litclaude"))).toEqual([]);
  });
});
