import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GATE_STEPS, lastLine } from "./support.js";
import { parsed, readJson, workspace, writeTemplate } from "./template-support.js";

/** What every team template here adds: a rendered runbook, ignore lines, an AGENTS.md section. */
const SHARED: Readonly<Record<string, string>> = {
  "docs/RUNBOOK.md.hbs": "# {{name}}\n\nOwned by team {{team}}.\n",
  _gitignore: "/local-data/\n",
  "AGENTS.md.hbs": "## Team {{team}}\n\nPage the {{team}} on-call before a release.\n",
};

/** Per language: source and test files that the strict gate must accept. */
const CODE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ts: {
    "src/lib/team.ts.hbs": 'export const owner = "{{team}}";\n',
    "test/team.test.ts.hbs": [
      'import { describe, expect, it } from "vitest";',
      'import { owner } from "../src/lib/team.js";',
      "",
      'describe("owner", () => {',
      '  it("names the team the template was answered with", () => {',
      '    expect(owner).toBe("{{team}}");',
      "  });",
      "});",
      "",
    ].join("\n"),
  },
  python: {
    "src/{{importName}}/team.py.hbs":
      '"""The team that owns this project."""\n\nfrom typing import Final\n\nOWNER: Final = "{{team}}"\n',
    "tests/test_team.py.hbs": [
      '"""Tests for the team module."""',
      "",
      "from {{importName}}.team import OWNER",
      "",
      "",
      "def test_owner_is_a_team_name() -> None:",
      "    assert OWNER.isidentifier()",
      "",
    ].join("\n"),
  },
  rust: {
    "tests/team.rs": [
      "//! The runbook the team template adds ships beside the crate.",
      "",
      "#[test]",
      "fn runbook_names_the_owning_team() {",
      '    let runbook = include_str!("../docs/RUNBOOK.md");',
      '    assert!(runbook.contains("Owned by team"));',
      "}",
      "",
    ].join("\n"),
  },
  go: {
    "internal/team/team.go.hbs": [
      "// Package team names the team that owns this project.",
      "package team",
      "",
      "// Owner returns the name of the team that owns this project.",
      "func Owner() string {",
      '\treturn "{{team}}"',
      "}",
      "",
    ].join("\n"),
    "internal/team/team_test.go.hbs": [
      "package team",
      "",
      'import "testing"',
      "",
      "func TestOwner(t *testing.T) {",
      "\tt.Parallel()",
      '\tif got := Owner(); got != "{{team}}" {',
      '\t\tt.Errorf("Owner() = %q, want %q", got, "{{team}}")',
      "\t}",
      "}",
      "",
    ].join("\n"),
  },
};

const LANGS = ["go", "python", "rust", "ts"] as const;

describe.concurrent("a team template over each language, the project's gate green", () => {
  for (const lang of LANGS) {
    it(`${lang}: layered, trusted task run, --verify green`, async () => {
      const { cwd, bin } = await workspace();
      await writeTemplate(
        join(cwd, "tpl"),
        {
          name: `acme-${lang}`,
          version: "2.0.0",
          extends: { lang, kind: "cli" },
          questions: [{ id: "team", type: "string", pattern: "^[a-z]+$" }],
          tasks: [{ name: "note", run: ["git", "--version"] }],
        },
        { ...SHARED, ...CODE[lang] },
      );
      const result = await bin([
        "app",
        "--template",
        "tpl",
        "--answer",
        "team=payments",
        "--trust",
        "--no-git",
        "--verify",
        "--yes",
        "--json",
      ]);
      const report = parsed(result);
      expect(report["ok"], result.stdout).toBe(true);
      expect(result.exitCode).toBe(0);
      expect(report["template"]).toMatchObject({
        name: `acme-${lang}`,
        weakened: [],
        tasksRun: true,
      });
      const tasks = Array.isArray(report["tasks"]) ? report["tasks"] : [];
      const statuses = tasks.map(
        (task: unknown) =>
          `${String(Reflect.get(Object(task), "name"))}:${String(Reflect.get(Object(task), "status"))}`,
      );
      expect(statuses).toContain("template:done");
      expect(statuses).toContain("verify:done");
      const verify: unknown = tasks.find(
        (task: unknown) => Reflect.get(Object(task), "name") === "verify",
      );
      const output = String(Reflect.get(Object(verify), "output"));
      expect(lastLine(output)).toBe("OK: all checks passed");
      for (const step of GATE_STEPS) expect(output).toContain(`==> ${step}\n`);
      const app = join(cwd, "app");
      expect(await readFile(join(app, "docs/RUNBOOK.md"), "utf8")).toBe(
        "# app\n\nOwned by team payments.\n",
      );
      expect(await readFile(join(app, "AGENTS.md"), "utf8")).toContain("## Team payments");
      expect(await readFile(join(app, ".gitignore"), "utf8")).toContain("/local-data/\n");
      expect(await readJson(join(app, ".litclaude/answers.json"))).toMatchObject({
        templates: [{ name: `acme-${lang}`, version: "2.0.0", answers: { team: "payments" } }],
      });
    }, 600_000);
  }
});
