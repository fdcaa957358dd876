import { describe, expect, it } from "vitest";
import { addLayout, languageGate } from "../../src/core/add-layout.js";
import { combinedGate } from "../../src/core/combined-gate.js";
import { covered } from "../../src/core/add-workspace.js";
import { normalDir } from "../../src/core/add-language.js";
import type { LanguageEntry } from "../../src/core/answers.js";

const entry = (lang: LanguageEntry["lang"], dir: string): LanguageEntry => ({
  lang,
  dir,
  kind: "lib",
  version: "0.1.0",
  answers: { name: "x", lang, kind: "lib", plugin: "vendor" },
  regions: [],
});

const file = (path: string, content = "x\n") => ({ path, content, executable: false });

describe("addLayout", () => {
  const rendered = [
    file("go.mod", "module example.com/api\n"),
    file("scripts/check", "#!/bin/sh\n"),
    file(".gitignore", "/bin/\n"),
    file(".editorconfig", "root = true\n"),
    file(".claude/skills/litclaude/README.md"),
    file("README.md"),
    file("AGENTS.md", "# whole\n"),
    file("CLAUDE.md", "@AGENTS.md\n"),
    file(".litclaude/answers.json", "{}\n"),
    file(
      ".github/workflows/ci.yml",
      "name: ci\njobs:\n  check:\n    steps:\n      - run: scripts/check\n",
    ),
  ];

  it("puts the language under its folder and shared files at the root", () => {
    const paths = addLayout({
      rendered,
      sections: { shared: "s\n", lang: "l\n" },
      entry: entry("go", "services/api"),
      languages: [entry("go", "services/api")],
      version: "0.1.0",
      rootHasReadme: true,
      workspace: [],
    }).map((item) => item.path);
    expect(paths).toEqual([
      ".claude/skills/litclaude/README.md",
      ".editorconfig",
      ".github/workflows/ci.yml",
      ".litclaude/answers.json",
      "AGENTS.md",
      "CLAUDE.md",
      "scripts/check",
      "services/api/.gitignore",
      "services/api/README.md",
      "services/api/go.mod",
      "services/api/scripts/check",
    ]);
  });

  it("at the root, keeps the user's README and moves the language's gate beside the combined one", () => {
    const paths = addLayout({
      rendered,
      sections: { shared: "s\n", lang: "l\n" },
      entry: entry("go", "."),
      languages: [entry("go", ".")],
      version: "0.1.0",
      rootHasReadme: true,
      workspace: [],
    }).map((item) => item.path);
    expect(paths).not.toContain("README.md");
    expect(paths).toContain("scripts/check-go");
    expect(languageGate("go", ".")).toBe("scripts/check-go");
  });
});

describe("combinedGate", () => {
  it("runs each language's gate in record order and ends with one verdict line", () => {
    const gate = combinedGate([entry("ts", "."), entry("go", "services/api")]);
    expect(gate).toContain(
      'gate ts scripts/check-ts\ngate go services/api/scripts/check\necho "OK"\n',
    );
    expect(gate).toContain('echo "FAILED: $lang/${step:-gate}"');
  });
});

describe("covered and normalDir", () => {
  it("knows which member globs already hold a folder", () => {
    expect(covered(["packages/*"], "packages/a")).toBe(true);
    expect(covered(["packages/*"], "packages/a/b")).toBe(false);
    expect(covered(["crates/**"], "crates/a/b")).toBe(true);
    expect(covered(["./svc/"], "svc")).toBe(true);
    expect(covered(["packages/*"], "svc")).toBe(false);
  });

  it("normalises --dir and refuses folders outside the repo or owned by tools", () => {
    expect(normalDir("services/api/")).toBe("services/api");
    expect(normalDir("./")).toBe(".");
    expect(() => normalDir("../x")).toThrow(/outside the repository/);
    expect(() => normalDir("/abs")).toThrow(/outside the repository/);
    expect(() => normalDir(".litclaude/x")).toThrow(/tools own/);
  });
});
