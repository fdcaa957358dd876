import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBin } from "./support.js";
import { entries, parsed, readJson, workspace, writeTemplate } from "./template-support.js";

const NO_TASKS = ["--yes", "--no-install", "--no-git"];

describe("team templates through the bin", () => {
  it("template init, then template check, then create from it, recorded in answers.json", async () => {
    const { cwd, bin } = await workspace();
    const init = await bin(["template", "init", "tpl", "--lang", "ts", "--kind", "lib"]);
    expect(init.exitCode, init.output).toBe(0);
    const check = await bin(["template", "check", "tpl"]);
    expect(check.stdout).toContain("OK: template tpl (extends ts/lib): 3 files, 1 questions");
    const created = await bin([
      "app",
      "--template",
      "./tpl",
      "--answer",
      "team=payments",
      "--json",
      ...NO_TASKS,
    ]);
    expect(created.exitCode, created.output).toBe(0);
    const result = parsed(created);
    expect(result["template"]).toMatchObject({
      name: "tpl",
      kind: "local",
      answers: { team: "payments" },
      files: [
        { path: "AGENTS.md", action: "merged" },
        { path: ".gitignore", action: "merged" },
        { path: "docs/OWNERS.md", action: "added" },
      ],
      weakened: [],
    });
    expect(await readFile(join(cwd, "app/docs/OWNERS.md"), "utf8")).toBe(
      "# Owners of app\n\n- team payments\n",
    );
    expect(await readFile(join(cwd, "app/AGENTS.md"), "utf8")).toContain(
      "<!-- litclaude:begin template -->\n## Team payments\n",
    );
    expect(await readFile(join(cwd, "app/.gitignore"), "utf8")).toMatch(/\.env\.local\n$/);
    expect(await readJson(join(cwd, "app/.litclaude/answers.json"))).toMatchObject({
      template: "builtin:ts/lib",
      templates: [
        {
          name: "tpl",
          source: join(cwd, "tpl"),
          kind: "local",
          version: "0.1.0",
          dir: ".",
          answers: { team: "payments" },
          files: ["AGENTS.md", ".gitignore", "docs/OWNERS.md"],
        },
      ],
    });
  });

  it("a malformed manifest exits 2 naming the file and the JSON path; nothing is written", async () => {
    const { cwd, bin } = await workspace();
    await writeTemplate(
      join(cwd, "tpl"),
      { name: "x", extends: { lang: "ts" }, questions: [{ id: "a", type: "string", pattern: 3 }] },
      {},
    );
    for (const args of [
      ["template", "check", "tpl"],
      ["app", "--template", "tpl", ...NO_TASKS],
    ]) {
      const result = await bin(args);
      expect(result.exitCode, result.output).toBe(2);
      expect(result.stderr).toContain("litclaude.template.json: questions[0].pattern:");
      expect(result.stderr).toContain(`at ${join(cwd, "tpl", "litclaude.template.json")}`);
    }
    expect(await entries(cwd)).not.toContain("app");
  });

  it("an unsafe template exits 2 naming the path, before anything is written", async () => {
    const { cwd, bin } = await workspace();
    await writeTemplate(
      join(cwd, "tpl"),
      { name: "x", extends: { lang: "go" } },
      { "ok.txt": "ok" },
    );
    await symlink("/etc/hostname", join(cwd, "tpl", "hostname"));
    const result = await bin(["app", "--template", "tpl", ...NO_TASKS]);
    expect(result.exitCode, result.output).toBe(2);
    expect(result.stderr).toContain(
      "template refused: hostname: a symlink pointing outside the template",
    );
    expect(await entries(cwd)).not.toContain("app");
  });

  it("answers come from --answers-file and --answer; an unknown key or bad value is exit 2", async () => {
    const { cwd, bin } = await workspace();
    const manifest = {
      name: "x",
      extends: { lang: "ts", kind: "cli" },
      questions: [
        { id: "team", type: "string", pattern: "^[a-z]+$" },
        { id: "port", type: "number", default: 1 },
      ],
    };
    await writeTemplate(join(cwd, "tpl"), manifest, { "team.txt.hbs": "{{team}}:{{port}}\n" });
    const file = join(cwd, "answers.json");
    await writeFile(file, '{"team": "ops", "port": 2}');
    const ok = await bin([
      "a",
      "--template",
      "tpl",
      "--answers-file",
      "answers.json",
      "--answer",
      "port=3",
      ...NO_TASKS,
    ]);
    expect(ok.exitCode, ok.output).toBe(0);
    expect(await readFile(join(cwd, "a/team.txt"), "utf8")).toBe("ops:3\n");
    const unknown = await bin([
      "b",
      "--template",
      "tpl",
      "--answer",
      "team=ops",
      "--answer",
      "colour=red",
      ...NO_TASKS,
    ]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('the template asks no question "colour"');
    const bad = await bin(["c", "--template", "tpl", "--answer", "team=Ops", ...NO_TASKS]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('"Ops" does not match ^[a-z]+$');
    const missing = await bin(["d", "--template", "tpl", ...NO_TASKS]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("fix: pass --answer team=...");
    const alone = await bin(["e", "--lang", "ts", "--answer", "team=ops", ...NO_TASKS]);
    expect(alone.exitCode).toBe(2);
    expect(alone.stderr).toContain("--answer applies to a team template");
    const wrongLang = await bin([
      "f",
      "--template",
      "tpl",
      "--lang",
      "go",
      "--answer",
      "team=ops",
      ...NO_TASKS,
    ]);
    expect(wrongLang.stderr).toContain("template x layers over ts, not go");
    for (const name of ["b", "c", "d", "e", "f"]) expect(await entries(cwd)).not.toContain(name);
  });

  it("a template that weakens the baseline is allowed, and says so in the summary and --json", async () => {
    const { cwd, bin } = await workspace();
    await writeTemplate(
      join(cwd, "tpl"),
      { name: "lax", extends: { lang: "ts" } },
      {
        "tsconfig.json": '{"compilerOptions": {"noUnusedLocals": false}}\n',
      },
    );
    const text = await bin(["app", "--template", "tpl", ...NO_TASKS]);
    expect(text.exitCode, text.output).toBe(0);
    expect(text.stdout).toContain("▲ the template weakens the strict baseline (1):");
    expect(text.stdout).toContain("tsconfig.json: compilerOptions.noUnusedLocals true -> false");
    const json = parsed(await bin(["app2", "--template", "tpl", "--json", ...NO_TASKS]));
    expect(json["template"]).toMatchObject({
      weakened: [
        {
          file: "tsconfig.json",
          setting: "compilerOptions.noUnusedLocals",
          baseline: "true",
          now: "false",
        },
      ],
    });
  });

  it("add --template lays the team's files under --dir and records them", async () => {
    const { cwd, env } = await workspace();
    await writeTemplate(
      join(cwd, "tpl"),
      { name: "svc", extends: { lang: "go", kind: "lib" } },
      {
        "AGENTS.md": "## Service rules\n",
        _gitignore: "/tmp-data/\n",
        "docs/RUNBOOK.md.hbs": "# {{name}} runbook\n",
      },
    );
    const repo = join(cwd, "repo");
    await mkdir(repo);
    const result = await runBin(
      ["add", "--dir", "svc", "--template", "../tpl", "--yes", "--json"],
      repo,
      env,
    );
    expect(result.exitCode, result.output).toBe(0);
    expect(await readFile(join(repo, "svc/docs/RUNBOOK.md"), "utf8")).toBe("# svc runbook\n");
    expect(await readFile(join(repo, "svc/.gitignore"), "utf8")).toContain("/tmp-data/");
    expect(await readFile(join(repo, "AGENTS.md"), "utf8")).toContain(
      "<!-- litclaude:begin template/go/svc -->\n## Service rules\n",
    );
    expect(await readJson(join(repo, ".litclaude/answers.json"))).toMatchObject({
      templates: [{ name: "svc", dir: "svc" }],
    });
    const record = await readJson(join(repo, ".litclaude/answers.json"));
    expect(JSON.stringify(record)).toContain('"svc/docs/RUNBOOK.md"');
  });
});
