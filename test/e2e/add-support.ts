import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect } from "vitest";
import { plant, run, tempDir, type RunResult } from "./support.js";

const IDENTITY = {
  GIT_AUTHOR_NAME: "t",
  GIT_AUTHOR_EMAIL: "t@example.com",
  GIT_COMMITTER_NAME: "t",
  GIT_COMMITTER_EMAIL: "t@example.com",
};

export async function git(dir: string, args: readonly string[]): Promise<RunResult> {
  const result = await run("git", args, dir, IDENTITY);
  expect(result.exitCode, result.output).toBe(0);
  return result;
}

/** A git repository holding `files`, all committed. */
export async function repoWith(files: Readonly<Record<string, string>>): Promise<string> {
  const dir = await tempDir("litclaude-add-");
  await git(dir, ["init", "-q", "-b", "main"]);
  for (const [path, content] of Object.entries(files)) await plant(dir, path, content);
  await git(dir, ["add", "--all"]);
  await git(dir, ["commit", "-q", "--allow-empty", "-m", "before add"]);
  return dir;
}

export function read(dir: string, path: string): Promise<string> {
  return readFile(join(dir, path), "utf8");
}

/** `git status --porcelain`: empty when nothing in the work tree changed. */
export async function status(dir: string): Promise<string> {
  return (await git(dir, ["status", "--porcelain", "--untracked-files=all"])).stdout;
}

/** A TS monorepo with npm workspaces, a commented CI workflow and hand-written shared files. */
export const MONOREPO: Readonly<Record<string, string>> = {
  "package.json":
    '{\n  "name": "mono",\n  "private": true,\n  "workspaces": [\n    "packages/*"\n  ]\n}\n',
  "packages/a/package.json": '{\n  "name": "a",\n  "version": "1.0.0"\n}\n',
  ".github/workflows/ci.yml": [
    "# CI for the monorepo; keep it short.",
    "name: ci",
    "on:",
    "  push:",
    "    branches: [main] # only main",
    "jobs:",
    "  node:",
    "    runs-on: ubuntu-latest # the usual",
    "    steps:",
    "      - uses: actions/checkout@v7",
    "      # install and test every workspace",
    "      - run: npm ci && npm test --workspaces",
    "",
  ].join("\n"),
  "AGENTS.md": "# Monorepo\n\nHand-written rules: be kind.\n",
  ".gitignore": "node_modules/\n# build output\ndist\nmy-test-results-old\n",
  ".claude/settings.json":
    '{\n  // mine\n  "model": "opus",\n  "permissions": { "allow": ["Read"] }\n}\n',
};
