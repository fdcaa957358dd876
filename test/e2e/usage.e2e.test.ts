import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { noGitIdentity } from "./git-identity.js";
import { runBin, tempDir } from "./support.js";

function jsonOf(stdout: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(stdout);
  if (typeof parsed !== "object" || parsed === null) throw new Error(`not an object: ${stdout}`);
  return Object.fromEntries(Object.entries(parsed));
}

describe("usage mistakes: exit 2, the flag named, a fix, nothing written", () => {
  it.each([
    ["a repeated --lang", ["app", "--lang", "ts", "--lang", "go"], /--lang is given twice/],
    [
      "a repeated --kind",
      ["app", "--lang", "ts", "--kind", "cli", "--kind=lib"],
      /--kind is given/,
    ],
    ["a repeated --name", ["app", "--lang", "ts", "--name=a", "--name", "b"], /--name is given/],
    [
      "a repeated --module",
      ["app", "--lang", "go", "--module", "a.dev/x", "--module", "b.dev/x"],
      /--module is given twice/,
    ],
    [
      "a repeated --plugin",
      ["app", "--lang", "ts", "--plugin", "none", "--plugin", "vendor"],
      /--plugin is given twice/,
    ],
    ["--module with TypeScript", ["app", "--lang", "ts", "--module", "a.dev/x"], /--module/],
    ["--module with Rust", ["app", "--lang", "rs", "--module", "a.dev/x"], /--lang rust/],
    ["an empty directory", ["", "--lang", "ts"], /the project directory is empty/],
    ["a blank directory", ["   ", "--lang", "ts"], /the project directory is empty/],
    ["an empty --name", ["app", "--lang", "ts", "--name", ""], /--name is empty/],
    ["another user's home", ["~nobody-here/app", "--lang", "ts"], /~nobody-here/],
    ["a misspelt language", ["app", "--lang", "pyhton"], /did you mean --lang python/],
  ])("%s", async (_label, args, message) => {
    const parent = await tempDir();
    const result = await runBin([...args, "--yes", "--no-install", "--no-git"], parent);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/\n {2}fix: \S/);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(await readdir(parent)).toEqual([]);
  });

  it("a repeated flag is an error in --json too, as one JSON object", async () => {
    const parent = await tempDir();
    const result = await runBin(["app", "--lang", "ts", "--lang", "ts", "--json"], parent);
    expect(result.exitCode).toBe(2);
    expect(jsonOf(result.stdout)).toMatchObject({
      ok: false,
      error: { kind: "usage", message: "--lang is given twice (ts, then ts)" },
    });
  });
});

describe("language aliases are accepted", () => {
  it.each([
    ["typescript", "tsconfig.json"],
    ["py", "pyproject.toml"],
    ["python3", "pyproject.toml"],
    ["golang", "go.mod"],
    ["rs", "Cargo.toml"],
  ])("--lang %s", async (alias, marker) => {
    const parent = await tempDir();
    const result = await runBin(["app", "--lang", alias, "--yes", "--dry-run", "--json"], parent);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`{"path":"${marker}","action":"create"}`);
    expect(await readdir(parent)).toEqual([]);
  });

  it("--help names them", async () => {
    const result = await runBin(["--help"], await tempDir());
    expect(result.stdout).toContain("golang, py, python3, rs, typescript");
  });

  it("--module goes with --lang golang", async () => {
    const parent = await tempDir();
    const result = await runBin(
      ["app", "--lang", "golang", "--module", "example.dev/app", "--yes", "--dry-run"],
      parent,
    );
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
  });
});

describe("a leading ~ that reached the tool unexpanded", () => {
  it.each([["~/made/app"], ["~"]])("%s is the home folder, as a shell reads it", async (dir) => {
    const parent = await tempDir();
    const home = await tempDir("litclaude-home-");
    const result = await runBin(
      [dir, "--lang", "ts", "--name", "app", "--yes", "--no-install", "--no-git"],
      parent,
      {
        HOME: home,
      },
    );
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(await readdir(parent)).toEqual([]);
    const made = dir === "~" ? home : join(home, "made", "app");
    expect(await readdir(made)).toContain("package.json");
  });
});

describe("next steps", () => {
  it("quotes a path with a space, like the equivalent command does", async () => {
    const parent = await tempDir();
    const args = ["My App", "--lang", "ts", "--name", "my-app", "--yes", "--no-install"];
    const text = await runBin([...args, "--no-git"], parent);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain("\n  cd 'My App'\n");
    const json = await runBin(["Other App", ...args.slice(1), "--no-git", "--json"], parent);
    expect(jsonOf(json.stdout)["nextSteps"]).toEqual([
      "cd 'Other App'",
      "npm install",
      "scripts/check",
    ]);
  });
});

describe("a git step that could not commit", () => {
  it("shows a warning mark, not success, and says why", async () => {
    const parent = await tempDir();
    const result = await runBin(
      ["app", "--lang", "ts", "--yes", "--no-install"],
      parent,
      await noGitIdentity(),
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^▲ Creating the first git commit \(\d+\.\d+s\)$/m);
    expect(result.stdout).not.toContain("✔ Creating the first git commit");
    expect(result.stdout).toContain("  warning: no git identity (user.email) is set");
  });

  it("carries the reason in --json", async () => {
    const parent = await tempDir();
    const result = await runBin(
      ["app", "--lang", "ts", "--yes", "--no-install", "--json"],
      parent,
      await noGitIdentity(),
    );
    expect(result.exitCode).toBe(0);
    expect(jsonOf(result.stdout)).toMatchObject({
      tasks: [
        { name: "install", status: "skipped" },
        {
          name: "git",
          status: "done",
          reason: "no git identity (user.email) is set: the files are staged, commit them yourself",
        },
        { name: "verify", status: "skipped" },
      ],
    });
  });
});
