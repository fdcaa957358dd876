import { describe, expect, it } from "vitest";
import { mergeWorkflow } from "../../src/merge/workflow.js";
import { mergeToml } from "../../src/merge/toml.js";
import { mergeJson } from "../../src/merge/json.js";
import { mergeAnswers } from "../../src/merge/answers.js";
import type { MergeResult } from "../../src/merge/types.js";

function text(result: MergeResult): string {
  if (!result.ok) throw new Error(`expected a merge, got: ${result.reason}`);
  return result.text;
}

describe("mergeWorkflow", () => {
  const current = [
    "# our CI, hand-written",
    "name: ci",
    "on: [push] # only pushes",
    "jobs:",
    "    test:   # four-space indent",
    "        runs-on: ubuntu-latest",
    "        steps:",
    "            - run: npm test",
    "",
    "# trailing comment",
    "",
  ].join("\n");
  const incoming = [
    "name: ci",
    "jobs:",
    "  go:",
    "    runs-on: ubuntu-latest",
    "    steps:",
    "      - run: scripts/check # gate",
    "",
  ].join("\n");

  it("adds the job after the last one, re-indented, every user byte kept", () => {
    const merged = text(mergeWorkflow(current, incoming));
    expect(merged).toBe(
      [
        "# our CI, hand-written",
        "name: ci",
        "on: [push] # only pushes",
        "jobs:",
        "    test:   # four-space indent",
        "        runs-on: ubuntu-latest",
        "        steps:",
        "            - run: npm test",
        "    go:",
        "      runs-on: ubuntu-latest",
        "      steps:",
        "        - run: scripts/check # gate",
        "",
        "# trailing comment",
        "",
      ].join("\n"),
    );
    expect(text(mergeWorkflow(merged, incoming))).toBe(merged);
  });

  it("reports broken YAML with line and column", () => {
    expect(mergeWorkflow("jobs:\n  a: [1\nb: 2\n", incoming)).toMatchObject({
      ok: false,
      line: 3,
      column: 1,
    });
  });

  it("is a conflict when the workflow has no jobs map", () => {
    expect(mergeWorkflow("name: x\n", incoming)).toMatchObject({ ok: false, conflict: true });
  });
});

describe("mergeToml", () => {
  it("adds a workspace member to a multi-line array, comments kept", () => {
    const current =
      '# root\n[workspace]\n# members\nmembers = [\n    "a", # first\n    "b",\n]\n\n[profile.release]\nlto = true\n';
    const merged = text(mergeToml(current, '[workspace]\nmembers = ["svc"]\n'));
    expect(merged).toBe(
      '# root\n[workspace]\n# members\nmembers = [\n    "a", # first\n    "b",\n    "svc",\n]\n\n[profile.release]\nlto = true\n',
    );
    expect(text(mergeToml(merged, '[workspace]\nmembers = ["svc"]\n'))).toBe(merged);
  });

  it("adds to arrays without a trailing comma and to one-line arrays", () => {
    expect(text(mergeToml('[w]\nm = [\n  "a"\n]\n', '[w]\nm = ["b"]\n'))).toBe(
      '[w]\nm = [\n  "a",\n  "b"\n]\n',
    );
    expect(text(mergeToml('[w]\nm = ["a"] # x\n', '[w]\nm = ["b"]\n'))).toBe(
      '[w]\nm = ["a", "b"] # x\n',
    );
  });

  it("adds missing keys after the table's last key and missing tables at the end; user values win", () => {
    const current = '[tool.ruff]\nline-length = 120 # mine\n\n[project]\nname = "x"\n';
    const incoming =
      '[tool.ruff]\nline-length = 100\nfix = false\n\n[tool.basedpyright]\nstrict = ["src"]\n';
    expect(text(mergeToml(current, incoming))).toBe(
      '[tool.ruff]\nline-length = 120 # mine\nfix = false\n\n[project]\nname = "x"\n\n[tool.basedpyright]\nstrict = ["src"]\n',
    );
  });

  it("reports broken TOML with line and column", () => {
    expect(mergeToml('[a]\nb = "x\n', "[a]\nc = 1\n")).toMatchObject({ ok: false, line: 2 });
  });
});

describe("mergeJson (package.json, tsconfig)", () => {
  it("adds missing workspace entries and keys, keeps comments and user values", () => {
    const current = '{\n  // mine\n  "name": "mono",\n  "workspaces": ["packages/*"]\n}\n';
    expect(text(mergeJson(current, '{"name": "x", "workspaces": ["svc"]}'))).toBe(
      '{\n  // mine\n  "name": "mono",\n  "workspaces": ["packages/*", "svc"]\n}\n',
    );
  });

  it("adds new keys after the last one without re-formatting the user's lines", () => {
    const current = '{\n  // mine\n  "model": "opus",\n  "permissions": { "allow": ["Read"] }\n}\n';
    expect(
      text(
        mergeJson(current, '{"enabledPlugins": {"x@y": true}, "permissions": {"allow": ["Bash"]}}'),
      ),
    ).toBe(
      '{\n  // mine\n  "model": "opus",\n  "permissions": { "allow": ["Read", "Bash"] },\n  "enabledPlugins": {\n    "x@y": true\n  }\n}\n',
    );
  });

  it("names line and column of malformed JSON", () => {
    expect(mergeJson('{\n  "a": 1,,\n}', '{"b": 1}')).toMatchObject({
      ok: false,
      line: 2,
      column: 10,
    });
  });
});

describe("mergeAnswers", () => {
  const entry = {
    lang: "go",
    dir: "svc",
    kind: "lib",
    version: "0.1.0",
    answers: { name: "svc", lang: "go", kind: "lib", plugin: "vendor" },
    regions: ["AGENTS.md#go"],
  };
  const incoming = `${JSON.stringify({ generator: "create-litclaude", version: "0.1.0", languages: [entry] }, null, 2)}\n`;

  it("keeps what create wrote and appends the language; a rerun changes nothing", () => {
    const created = `${JSON.stringify({ generator: "create-litclaude", version: "0.1.0", template: "builtin:ts/lib", answers: { name: "a", lang: "ts", kind: "lib", plugin: "vendor" } }, null, 2)}\n`;
    const merged = text(mergeAnswers(created, incoming));
    expect(JSON.parse(merged)).toMatchObject({ template: "builtin:ts/lib", languages: [entry] });
    expect(text(mergeAnswers(merged, incoming))).toBe(merged);
  });

  it("refuses an answers file that is not ours", () => {
    expect(mergeAnswers('{"generator": "other"}', incoming)).toMatchObject({ ok: false, line: 1 });
  });
});
