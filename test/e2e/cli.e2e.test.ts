import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeShims } from "./shims.js";
import { BIN, REPO_ROOT, run, runBin, tempDir } from "./support.js";

async function expectNothingWritten(parent: string, before: readonly string[]): Promise<void> {
  expect((await readdir(parent)).sort()).toEqual([...before].sort());
}

describe("bad input: a clear message, exit 2, nothing written", () => {
  it.each([
    ["an invalid npm name", ["Bad Name", "--lang", "ts", "--yes"], /invalid name "Bad Name"/],
    ["an unknown language", ["app", "--lang", "java", "--yes"], /unknown language "java"/],
    ["an unknown kind", ["app", "--lang", "ts", "--kind", "app", "--yes"], /unknown kind "app"/],
    ["an unknown flag", ["app", "--lang", "ts", "--colour"], /unknown flag --colour/],
    [
      "conflicting flags",
      ["app", "--lang", "ts", "--git", "--no-git"],
      /conflicting flags --git and --no-git/,
    ],
    [
      "--verify without install",
      ["app", "--lang", "ts", "--verify", "--no-install"],
      /--verify runs the gate/,
    ],
    ["a missing language without a terminal", ["app"], /missing --lang/],
    ["update outside any project", ["update"], /not a create-litclaude project/],
    ["gen outside any project", ["gen", "module", "x"], /holds no project gen knows/],
  ])("%s", async (_label, args, message) => {
    const parent = await tempDir();
    const result = await runBin(args, parent);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/fix: /);
    expect(result.stdout).toBe("");
    await expectNothingWritten(parent, []);
  });

  it("refuses a folder that already holds a create-litclaude project", async () => {
    const parent = await tempDir();
    await mkdir(join(parent, "app", ".litclaude"), { recursive: true });
    await writeFile(join(parent, "app", ".litclaude", "answers.json"), "{}\n");
    const result = await runBin(["app", "--lang", "ts", "--yes", "--no-install"], parent);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("app already holds a create-litclaude project");
    expect(await readdir(join(parent, "app"))).toEqual([".litclaude"]);
  });

  it("reports a usage error as JSON with --json", async () => {
    const parent = await tempDir();
    const result = await runBin(["app", "--lang", "cobol", "--json"], parent);
    expect(result.exitCode).toBe(2);
    const parsed: unknown = JSON.parse(result.stdout);
    expect(parsed).toMatchObject({
      ok: false,
      exitCode: 2,
      error: { kind: "usage", message: 'unknown language "cobol"' },
    });
  });
});

describe("dry run and JSON", () => {
  it("--dry-run lists the files and writes nothing", async () => {
    const parent = await tempDir();
    const result = await runBin(["app", "--lang", "ts", "--yes", "--dry-run"], parent);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^ {2}create {4}scripts\/check$/m);
    expect(result.stdout).toContain("nothing was written");
    await expectNothingWritten(parent, []);
  });

  it("--json prints exactly one JSON object with files, tasks and next steps", async () => {
    const parent = await tempDir();
    const result = await runBin(
      ["app", "--lang", "ts", "--kind", "lib", "--yes", "--no-install", "--json"],
      parent,
    );
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const parsed: unknown = JSON.parse(lines[0] ?? "");
    expect(parsed).toMatchObject({
      ok: true,
      command: "create",
      target: join(parent, "app"),
      dryRun: false,
      nextSteps: ["cd app", "npm install", "scripts/check"],
    });
    expect(JSON.stringify(parsed)).toContain('{"path":"scripts/check","action":"create"}');
    expect(parsed).toMatchObject({
      tasks: [
        { name: "install", command: "npm install", status: "skipped", reason: "--no-install" },
        { name: "git", status: "done" },
        { name: "verify", command: "scripts/check", status: "skipped" },
      ],
    });
  });
});

describe("package manager", () => {
  it("installs with the package manager that ran it", async () => {
    const parent = await tempDir();
    const pnpm = await makeShims(["pnpm", "npm"], { exitCode: 0, output: "installed" });
    const result = await runBin(["app", "--lang", "ts", "--yes", "--no-git", "--json"], parent, {
      npm_config_user_agent: "pnpm/9.12.0 npm/? node/v20.19.0 linux x64",
      ...pnpm.env,
    });
    expect(result.exitCode, result.output).toBe(0);
    expect(await pnpm.calls()).toEqual([`pnpm ${join(parent, "app")} install`]);
    const parsed: unknown = JSON.parse(result.stdout);
    expect(parsed).toMatchObject({
      nextSteps: ["cd app", "scripts/check"],
      tasks: [
        { name: "install", command: "pnpm install", status: "done", output: "installed" },
        { name: "git", status: "skipped" },
        { name: "verify", status: "skipped" },
      ],
    });
  });
});

describe("output into a pipe that closes early", () => {
  it("finishes the project and exits 0 instead of crashing on EPIPE", async () => {
    const parent = await tempDir();
    const script = `set -o pipefail; "${process.execPath}" "${BIN}" app --lang ts --yes --no-git --no-install | head -c 1`;
    const result = await run("bash", ["-c", script], parent);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(await readdir(join(parent, "app"))).toContain("package.json");
  });
});

describe("help and version", () => {
  it("--help lists every flag and the exit codes", async () => {
    const result = await runBin(["--help"], await tempDir());
    expect(result.exitCode).toBe(0);
    for (const flag of [
      "--lang",
      "--kind",
      "--name",
      "--module",
      "--plugin",
      "--marketplace",
      "--no-git",
      "--no-install",
      "--verify",
      "--yes",
      "--dry-run",
      "--json",
      "--force",
    ]) {
      expect(result.stdout).toContain(flag);
    }
    expect(result.stdout).toMatch(/130 +cancelled/);
  });

  it("--version prints the package version", async () => {
    const manifest: unknown = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8"));
    const version =
      typeof manifest === "object" && manifest !== null && "version" in manifest
        ? manifest.version
        : undefined;
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    const result = await runBin(["--version"], await tempDir());
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(`${String(version)}\n`);
  });
});

describe("git", () => {
  it("creates a repository with one commit holding every file", async () => {
    const parent = await tempDir();
    const gitconfig = join(parent, "gitconfig");
    // A machine whose git still names the first branch master: the CI workflows run on main.
    await writeFile(
      gitconfig,
      "[user]\n\tname = Test\n\temail = test@example.com\n[init]\n\tdefaultBranch = master\n",
    );
    const env = { GIT_CONFIG_GLOBAL: gitconfig };
    const result = await runBin(
      ["app", "--lang", "ts", "--yes", "--no-install", "--git"],
      parent,
      env,
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("Creating the first git commit");
    expect(result.stdout).toMatch(/^Created .*app \(\d+ files\)$/m);
    expect(result.stdout.indexOf("Created ")).toBeLessThan(
      result.stdout.indexOf("Creating the first git commit"),
    );
    const app = join(parent, "app");
    expect((await run("git", ["rev-list", "--count", "HEAD"], app, env)).stdout.trim()).toBe("1");
    expect((await run("git", ["status", "--porcelain"], app, env)).stdout).toBe("");
    expect((await run("git", ["ls-files"], app, env)).stdout).toContain("scripts/check");
    expect((await run("git", ["branch", "--show-current"], app, env)).stdout.trim()).toBe("main");
  });
});
