import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect } from "vitest";
import { git } from "./add-support.js";
import { REPO_ROOT, run, runBin, tempDir, type RunResult } from "./support.js";

/** The version the test-only next release carries: one minor above the built one. */
export async function nextVersion(): Promise<string> {
  const parsed: unknown = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8"));
  const version =
    typeof parsed === "object" && parsed !== null && "version" in parsed ? parsed.version : "";
  const [major = "0", minor = "0"] = String(version).split(".");
  return `${major}.${String(Number(minor) + 1)}.0`;
}

async function edit(root: string, path: string, change: (old: string) => string): Promise<void> {
  const file = join(root, path);
  const before = await readFile(file, "utf8");
  const after = change(before);
  expect(after, `the test-only change to ${path} found nothing to change`).not.toBe(before);
  await writeFile(file, after);
}

const CHECKOUT = "      - uses: actions/checkout@v7\n";
const EXTRA_STEP = `${CHECKOUT}      - name: Show the baseline\n        run: echo "baseline N+1"\n`;
export const README_LINE = "Kept current with `create-litclaude update`.\n";
/** A task the user adds to the Go Taskfile at N. */
export const USER_TASK = "  mine:\n    cmds:\n      - echo mine\n";
export const AGENTS_RULE = "A new baseline arrives with `npx create-litclaude update`.\n";
export const CONTRIBUTING = "# Contributing\n\nRun `scripts/check` before every commit.\n";

/**
 * Release N+1 made from the built package with test-only changes, in a folder of its own: a
 * lint setting (TS, Go), a CI step, a sample file changed, a file added, a file dropped. The
 * shipped bin has no switch for any of it; its dist/ is bundled and runs without node_modules.
 */
export async function buildNextRelease(): Promise<{
  readonly bin: string;
  readonly version: string;
}> {
  const root = join(await tempDir("litclaude-next-"), "create-litclaude");
  await mkdir(root);
  for (const part of ["dist", "templates", "content", "generators", ".claude-plugin"]) {
    await cp(join(REPO_ROOT, part), join(root, part), { recursive: true });
  }
  const version = await nextVersion();
  const manifest: unknown = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8"));
  await writeFile(
    join(root, "package.json"),
    JSON.stringify({ ...Object(manifest), version }, null, 2),
  );
  await edit(root, "templates/shared/README.md.hbs", (text) => `${text}\n${README_LINE}`);
  await writeFile(join(root, "templates/shared/CONTRIBUTING.md"), CONTRIBUTING);
  await edit(root, "content/agents/common.md", (text) => `${text}\n${AGENTS_RULE}`);
  await rm(join(root, "templates/shared/_editorconfig"));
  for (const lang of ["go", "python", "rust", "ts"]) {
    const name = lang === "go" ? "ci.yml" : "ci.yml.hbs";
    await edit(root, `templates/${lang}/common/_github/workflows/${name}`, (text) =>
      text.replace(CHECKOUT, EXTRA_STEP),
    );
  }
  await edit(root, "templates/ts/common/package.json.hbs", (text) =>
    text.replace(
      '"lint": "eslint --max-warnings 0 ."',
      '"lint": "eslint --max-warnings 0 --cache ."',
    ),
  );
  await edit(root, "templates/go/common/_golangci.yml.hbs", (text) =>
    text.replace("      max-complexity: 10\n", "      max-complexity: 12\n"),
  );
  await edit(root, "templates/python/common/pyproject.toml.hbs", (text) =>
    text.replace(
      'extend-exclude = [".litclaude"]\n',
      'extend-exclude = [".litclaude"]\nline-length = 99\n',
    ),
  );
  await edit(root, "templates/rust/common/Cargo.toml.hbs", (text) =>
    text.replace(
      'pedantic = { level = "warn", priority = -1 }',
      'pedantic = { level = "deny", priority = -1 }',
    ),
  );
  // The template renames a file: a migration moves the user's copy first, edits and all.
  await cp(
    join(root, "templates/go/common/Taskfile.yml"),
    join(root, "templates/go/common/Taskfile.yaml"),
  );
  await rm(join(root, "templates/go/common/Taskfile.yml"));
  const migration = {
    id: "go-taskfile-yaml",
    version,
    steps: [{ rename: { from: "Taskfile.yml", to: "Taskfile.yaml" } }],
  };
  await writeFile(
    join(root, "templates/migrations.json"),
    `${JSON.stringify([migration], null, 2)}\n`,
  );
  return { bin: join(root, "dist", "cli.js"), version };
}

/** Runs a bin other than the worktree's (release N+1). */
export function runOther(bin: string, args: readonly string[], cwd: string): Promise<RunResult> {
  return run(process.execPath, [bin, ...args], cwd, { CI: "true" });
}

/**
 * `create` into `parent/app` by the built bin (git left to us), then a git repository with that
 * project as its one commit.
 */
export async function committedProject(
  parent: string,
  createArgs: readonly string[],
  message: string,
  env: Readonly<Record<string, string>> = {},
): Promise<string> {
  const made = await runBin(["app", ...createArgs, "--yes", "--no-git"], parent, env);
  expect(made.exitCode, made.output).toBe(0);
  const dir = join(parent, "app");
  await git(dir, ["init", "-q", "-b", "main"]);
  await commitAll(dir, message);
  return dir;
}

/** A project made by release N (the built bin), committed in git. */
export async function projectAtN(lang: string, kind: string): Promise<string> {
  const parent = await tempDir(`litclaude-update-${lang}-`);
  return committedProject(parent, ["--lang", lang, "--kind", kind, "--no-install"], "made at N");
}

export async function commitAll(dir: string, message: string): Promise<void> {
  await git(dir, ["add", "--all"]);
  await git(dir, ["commit", "-q", "--allow-empty", "-m", message]);
}
