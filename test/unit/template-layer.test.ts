import { describe, expect, it } from "vitest";
import { languageVars, renderProject } from "../../src/core/create-project.js";
import type { ProjectFile } from "../../src/core/files.js";
import type { Language } from "../../src/core/options.js";
import { globRegExp } from "../../src/template/glob.js";
import { layerOver } from "../../src/template/layer.js";

const file = (path: string, content: string): ProjectFile => ({ path, content, executable: false });
const text = (files: readonly ProjectFile[], path: string): string => {
  const found = files.find((item) => item.path === path);
  if (found === undefined) throw new Error(`no ${path}`);
  return typeof found.content === "string"
    ? found.content
    : new TextDecoder().decode(found.content);
};

async function baseline(lang: Language): Promise<readonly ProjectFile[]> {
  const options = {
    targetDir: "/tmp/app",
    name: "app",
    lang,
    kind: "cli",
    plugin: "none",
    git: false,
    install: false,
    verify: false,
    dryRun: false,
    force: false,
    packageManager: "npm",
  } as const;
  return renderProject(options, languageVars(options));
}

describe("team files over the baseline", () => {
  it("add .gitignore lines, an AGENTS.md section, merge JSON and TOML, replace the rest", async () => {
    const ours = [
      file(".gitignore", "node_modules/\n"),
      file("AGENTS.md", "# Rules\n"),
      file(
        "package.json",
        '{\n  "name": "app",\n  "type": "module",\n  "scripts": {"check": "x"}\n}\n',
      ),
      file("Cargo.toml", '[package]\nname = "app"\n\n[lints.clippy]\nall = "warn"\n'),
      file("README.md", "ours\n"),
    ];
    const team = [
      file(".gitignore", "*.log\nnode_modules/\n"),
      file("AGENTS.md", "## Team rules\n"),
      file("package.json", '{\n  "scripts": {"deploy": "y"},\n  "private": true\n}\n'),
      file("Cargo.toml", '[package]\nname = "app"\nedition = "2024"\n'),
      file("README.md", "theirs\n"),
      file("docs/x.md", "new\n"),
    ];
    const layered = await layerOver(ours, team);
    expect(text(layered.files, ".gitignore")).toMatch(/^node_modules\/\n[\s\S]*\*\.log\n$/);
    expect(text(layered.files, ".gitignore").match(/node_modules/g)).toHaveLength(1);
    expect(text(layered.files, "AGENTS.md")).toMatch(
      /^# Rules\n\n<!-- litclaude:begin template -->\n## Team rules\n<!-- litclaude:end template -->\n$/,
    );
    const pkg: unknown = JSON.parse(text(layered.files, "package.json"));
    expect(pkg).toEqual({
      name: "app",
      type: "module",
      private: true,
      scripts: { deploy: "y", check: "x" },
    });
    expect(text(layered.files, "Cargo.toml")).toMatch(
      /edition = "2024"[\s\S]*\[lints\.clippy\]\nall = "warn"/,
    );
    expect(text(layered.files, "README.md")).toBe("theirs\n");
    expect(layered.teamFiles).toEqual([
      { path: ".gitignore", action: "merged" },
      { path: "AGENTS.md", action: "merged" },
      { path: "package.json", action: "merged" },
      { path: "Cargo.toml", action: "merged" },
      { path: "README.md", action: "replaced" },
      { path: "docs/x.md", action: "added" },
    ]);
    expect(layered.weakened).toEqual([]);
  });

  it("a team file no merger knows replaces ours byte for byte, binary included", async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0xff, 0x00, 0xfe]);
    const layered = await layerOver(
      [file("logo.png", "ours")],
      [{ path: "logo.png", content: bytes, executable: false }],
    );
    expect(layered.files[0]?.content).toEqual(bytes);
  });

  it("a team file that does not parse where ours must merge is exit 2, naming it", async () => {
    await expect(
      layerOver([file("package.json", "{}\n")], [file("package.json", "{ nope")]),
    ).rejects.toThrow(/template file package\.json cannot be merged/);
  });
});

describe("weakening the strict baseline is allowed, and reported", () => {
  it("ts: a strict tsconfig flag turned off, and a gate step dropped", async () => {
    const ours = await baseline("ts");
    const gate = text(ours, "scripts/check").replace(/^step no-excuse .*$/m, "");
    const layered = await layerOver(ours, [
      file("tsconfig.json", '{"compilerOptions": {"strict": false, "allowUnreachableCode": true}}'),
      file("scripts/check", gate),
    ]);
    expect(layered.weakened).toEqual([
      { file: "tsconfig.json", setting: "compilerOptions.strict", baseline: "true", now: "false" },
      {
        file: "tsconfig.json",
        setting: "compilerOptions.allowUnreachableCode",
        baseline: "false",
        now: "true",
      },
      { file: "scripts/check", setting: "gate step no-excuse", baseline: "runs", now: "(dropped)" },
    ]);
  });

  it("python: ruff ignores added, basedpyright's mode (select is a union: ALL stays)", async () => {
    const layered = await layerOver(await baseline("python"), [
      file(
        "pyproject.toml",
        '[tool.ruff.lint]\nselect = ["E", "F"]\nignore = ["ANN401"]\n\n[tool.basedpyright]\ntypeCheckingMode = "standard"\n',
      ),
    ]);
    expect(layered.weakened.map((item) => `${item.setting} ${item.now}`)).toEqual([
      "tool.ruff.lint.ignore +ANN401",
      'tool.basedpyright.typeCheckingMode "standard"',
    ]);
    expect(text(layered.files, "pyproject.toml")).toMatch(/select = \["E", "F", "ALL"\]/);
  });

  it("rust: a Cargo lint level lowered", async () => {
    const layered = await layerOver(await baseline("rust"), [
      file(
        "Cargo.toml",
        '[lints.rust]\nunsafe_code = "allow"\n\n[lints.clippy]\nunwrap_used = "allow"\n',
      ),
    ]);
    expect(
      layered.weakened.map((item) => `${item.setting} ${item.baseline} -> ${item.now}`),
    ).toEqual([
      'lints.rust.unsafe_code "forbid" -> "allow"',
      'lints.clippy.unwrap_used "warn" -> "allow"',
    ]);
  });

  it("go: golangci-lint's default set and extra disabled linters", async () => {
    const ours = await baseline("go");
    const config = text(ours, ".golangci.yml")
      .replace("default: all", "default: standard")
      .replace("  disable:\n", "  disable:\n    - errcheck\n");
    const layered = await layerOver(ours, [file(".golangci.yml", config)]);
    expect(layered.weakened.map((item) => `${item.setting} ${item.now}`)).toEqual([
      'linters.default "standard"',
      "linters.disable +errcheck",
    ]);
  });

  it("a stricter or unrelated team setting reports nothing", async () => {
    const layered = await layerOver(await baseline("ts"), [
      file("tsconfig.json", '{"compilerOptions": {"noErrorTruncation": true}}'),
    ]);
    expect(layered.weakened).toEqual([]);
  });
});

describe("file-rule globs", () => {
  it("match as the manifest documents", () => {
    const cases: readonly [string, string, boolean][] = [
      ["**", "a/b/c.txt", true],
      ["*.md", "docs/deep/x.md", true],
      ["docs/*.md", "docs/deep/x.md", false],
      ["docs/**/*.md", "docs/x.md", true],
      ["docs/", "docs/a/b", true],
      ["src/{a,b}.ts", "src/b.ts", true],
      ["src/[!x]?.ts", "src/ab.ts", true],
      ["src/[!x]?.ts", "src/xb.ts", false],
      ["a.b", "axb", false],
    ];
    for (const [pattern, path, expected] of cases) {
      expect([pattern, path, globRegExp(pattern).test(path)]).toEqual([pattern, path, expected]);
    }
  });
});
