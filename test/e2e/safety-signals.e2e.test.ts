import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shimStillRuns, startBin, waitForFile } from "./safety/child.js";
import { pathWith, shimCommand } from "./safety/shims.js";
import { BIN, REPO_ROOT, pathExists, run, tempDir } from "./support.js";

const STOPS = [
  ["SIGINT", 130],
  ["SIGTERM", 143],
  ["SIGHUP", 129],
] as const;

/** The files a complete project holds, from a dry run of the same command. */
async function plannedFiles(parent: string): Promise<number> {
  const dry = startBin(["planned", "--lang", "ts", "--yes", "--dry-run", "--json"], parent);
  const done = await dry.exit;
  const parsed: unknown = JSON.parse(done.stdout);
  if (typeof parsed !== "object" || parsed === null || !("files" in parsed)) return 0;
  return Array.isArray(parsed.files) ? parsed.files.length : 0;
}

describe.each(STOPS)("%s during the install task", (signal, code) => {
  it(`stops the child, keeps the complete project, names the command to finish, exits ${String(code)}`, async () => {
    const parent = await tempDir();
    const bin = await shimCommand(parent, "npm", "sleep");
    const run = startBin(["app", "--lang", "ts", "--yes", "--no-git"], parent, {
      env: { PATH: pathWith(bin), npm_config_user_agent: "npm/11" },
    });
    await waitForFile(join(parent, "npm.pid"));
    run.child.kill(signal);
    const exit = await run.exit;
    expect(exit.code, exit.stdout + exit.stderr).toBe(code);
    expect(exit.stdout).toContain(`install was stopped by ${signal}`);
    expect(exit.stdout).toContain("cd app && npm install");
    expect(await shimStillRuns(join(parent, "npm.pid"))).toBe(false);
    expect(await pathExists(join(parent, "app", ".litclaude", "answers.json"))).toBe(true);
    expect((await readdir(parent)).sort()).toEqual(["app", "npm.pid", "shim-bin"]);
  });
});

describe("a signal while tasks run, with --json", () => {
  it("still prints its one JSON object, naming the interrupted task and what is left", async () => {
    const parent = await tempDir();
    const bin = await shimCommand(parent, "npm", "sleep");
    const run = startBin(["app", "--lang", "ts", "--yes", "--json"], parent, {
      env: { PATH: pathWith(bin), npm_config_user_agent: "npm/11" },
    });
    await waitForFile(join(parent, "npm.pid"));
    run.child.kill("SIGINT");
    const exit = await run.exit;
    expect(exit.code).toBe(130);
    const result: unknown = JSON.parse(exit.stdout);
    expect(result).toMatchObject({
      ok: false,
      tasks: [
        { name: "install", status: "interrupted" },
        { name: "git", status: "skipped" },
        { name: "verify", status: "skipped" },
      ],
    });
    expect(JSON.stringify(result)).toMatch(/"resume":"cd app && npm install && git init/);
  });
});

describe("a signal during the git task", () => {
  it("stops git, keeps the project, and names the git command to finish", async () => {
    const parent = await tempDir();
    const bin = await shimCommand(parent, "git", "sleep");
    const run = startBin(["app", "--lang", "ts", "--yes", "--no-install"], parent, {
      env: { PATH: pathWith(bin) },
    });
    await waitForFile(join(parent, "git.pid"));
    run.child.kill("SIGTERM");
    const exit = await run.exit;
    expect(exit.code).toBe(143);
    expect(exit.stdout).toContain("cd app && git init --initial-branch=main");
    expect(await shimStillRuns(join(parent, "git.pid"))).toBe(false);
  });
});

describe("a signal while the files are written", () => {
  it.each(STOPS)(
    "%s before the rename leaves nothing, not even the parents it made",
    async (signal, code) => {
      const parent = await tempDir();
      const run = startBin(["deep/er/app", "--lang", "ts", "--yes", "--no-install"], parent, {
        slowFs: true,
      });
      await run.waitFor(/slow-fs: write \S+litclaude-staging\S+\/src\//);
      run.child.kill(signal);
      const exit = await run.exit;
      expect(exit.code, exit.stderr).toBe(code);
      expect(exit.stderr).toContain("Cancelled: nothing was written.");
      expect(exit.stderr.match(/Cancelled/g)).toHaveLength(1);
      expect(await readdir(parent)).toEqual([]);
    },
  );

  it("with --json prints one JSON object saying so, and nothing else on stdout", async () => {
    const parent = await tempDir();
    const run = startBin(["app", "--lang", "ts", "--yes", "--json", "--no-install"], parent, {
      slowFs: true,
    });
    await run.waitFor(/slow-fs: write \S+litclaude-staging\S+\/src\//);
    run.child.kill("SIGINT");
    const exit = await run.exit;
    expect(exit.code).toBe(130);
    const parsed: unknown = JSON.parse(exit.stdout);
    expect(parsed).toMatchObject({ ok: false, exitCode: 130, error: { kind: "cancelled" } });
    expect(await readdir(parent)).toEqual([]);
  });

  it("after the rename behaves as during the tasks: complete project, the rest to run named", async () => {
    const parent = await tempDir();
    const run = startBin(["app", "--lang", "ts", "--yes", "--no-install"], parent);
    await run.waitFor("Created");
    run.child.kill("SIGINT");
    const exit = await run.exit;
    expect(exit.code).toBe(130);
    expect(await readdir(join(parent, "app"))).toContain("AGENTS.md");
    const files = await plannedFiles(parent);
    expect(exit.stdout).toContain(`(${String(files)} files)`);
    expect(exit.stdout).toMatch(/To finish:\n {2}cd app && git init/);
  });
});

describe("a signal while --verify runs the gate", () => {
  it("stops the gate and what it started, and names scripts/check to finish", async () => {
    const parent = await tempDir();
    const bin = await shimCommand(parent, "uv", "sleep", "run");
    const run = startBin(["app", "--lang", "python", "--yes", "--no-git", "--verify"], parent, {
      env: { PATH: pathWith(bin) },
    });
    await run.waitFor("Running the gate");
    await waitForFile(join(parent, "uv.pid"));
    run.child.kill("SIGINT");
    const exit = await run.exit;
    expect(exit.code).toBe(130);
    expect(exit.stdout).toContain("verify was stopped by SIGINT");
    expect(exit.stdout).toContain("cd app && scripts/check");
    expect(await shimStillRuns(join(parent, "uv.pid"))).toBe(false);
  });
});

describe("Ctrl-C in a terminal while a task runs", () => {
  it("is a real SIGINT: the task stops, the report prints, exit 130 (not clack's exit 0)", async () => {
    const parent = await tempDir();
    const bin = await shimCommand(parent, "npm", "sleep");
    const result = await run(
      "python3",
      [
        join(REPO_ROOT, "test", "e2e", "pty", "drive.py"),
        JSON.stringify([["Installing dependencies", "\u0003"]]),
        "--",
        process.execPath,
        BIN,
        "app",
        "--lang",
        "ts",
        "--yes",
        "--no-git",
      ],
      parent,
      { CI: "", PATH: pathWith(bin), npm_config_user_agent: "npm/11" },
    );
    expect(result.exitCode, result.output).toBe(130);
    expect(result.output).toContain("install was stopped by SIGINT");
    expect(result.output).toContain("cd app && npm install");
    expect(result.output).not.toContain("Canceled");
    expect(await shimStillRuns(join(parent, "npm.pid"))).toBe(false);
  });
});
