import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { lastLine, pathExists, plant, run, runBin } from "./support.js";
import { MONOREPO, git, read, repoWith, status } from "./add-support.js";

describe("create-litclaude add into a TS monorepo", () => {
  it("adds go under --dir, changing only merged regions; the combined gate is green; a rerun changes nothing", async () => {
    const dir = await repoWith(MONOREPO);
    const added = await runBin(["add", "go", "--dir", "services/api"], dir);
    expect(added.exitCode, added.output).toBe(0);
    const workflow = await read(dir, ".github/workflows/ci.yml");
    const original = MONOREPO[".github/workflows/ci.yml"] ?? "";
    expect(workflow.startsWith(original)).toBe(true);
    expect(workflow.slice(original.length)).toMatch(
      /^ {2}go-services-api:\n {4}runs-on: ubuntu-latest\n {4}defaults:\n {6}run:\n {8}working-directory: services\/api\n/,
    );
    expect(workflow).toContain("cache-dependency-path: services/api/go.mod\n");
    const agents = await read(dir, "AGENTS.md");
    expect(
      agents.startsWith(`${MONOREPO["AGENTS.md"] ?? ""}\n<!-- litclaude:begin shared -->\n`),
    ).toBe(true);
    expect(agents).toContain("<!-- litclaude:begin go/services/api -->\n## Go in `services/api/`");
    expect(agents.endsWith("<!-- litclaude:end go/services/api -->\n")).toBe(true);
    for (const path of [
      "package.json",
      ".gitignore",
      ".claude/settings.json",
      "packages/a/package.json",
    ]) {
      expect(await read(dir, path)).toBe(MONOREPO[path]);
    }
    expect(await pathExists(join(dir, "services/api/go.mod"))).toBe(true);
    const answers: unknown = JSON.parse(await read(dir, ".litclaude/answers.json"));
    expect(answers).toMatchObject({
      languages: [{ lang: "go", dir: "services/api", kind: "lib" }],
    });

    const gate = await run(join(dir, "scripts/check"), [], dir);
    expect(lastLine(gate.output), gate.output).toBe("OK");
    expect(gate.exitCode).toBe(0);

    await git(dir, ["add", "--all"]);
    await git(dir, ["commit", "-q", "-m", "add go"]);
    const again = await runBin(["add", "go", "--dir", "services/api"], dir);
    expect(again.exitCode, again.output).toBe(0);
    expect(again.stdout).toContain("Nothing to change");
    expect(await status(dir)).toBe("");
  }, 600_000);

  it("the combined gate names the language and step that failed", async () => {
    const dir = await repoWith({});
    expect((await runBin(["add", "go", "--dir", "svc"], dir)).exitCode).toBe(0);
    await plant(dir, "svc/bad.go", 'package svc\n\nfunc Broken() int { return "x" }\n');
    const gate = await run(join(dir, "scripts/check"), [], dir);
    expect(lastLine(gate.output), gate.output).toBe("FAILED: go/types");
    expect(gate.exitCode).toBe(1);
  }, 600_000);
});

describe("create-litclaude add: plan, conflicts, bad input", () => {
  it("usage errors exit 2: an unknown language, a --dir outside the repo, --dir given to create", async () => {
    const dir = await repoWith({});
    const unknown = await runBin(["add", "cobol"], dir);
    expect(unknown.exitCode).toBe(2);
    const outside = await runBin(["add", "go", "--dir", "../elsewhere"], dir);
    expect(outside.exitCode).toBe(2);
    expect(outside.stderr).toContain("outside the repository");
    const create = await runBin(["app", "--lang", "go", "--dir", "x", "--yes"], dir);
    expect(create.exitCode).toBe(2);
    expect(create.stderr).toContain("--dir belongs to create-litclaude add");
    expect(await status(dir)).toBe("");
  });

  it("--dry-run prints each change as a diff and writes nothing; --json gives the plan", async () => {
    const dir = await repoWith(MONOREPO);
    const dry = await runBin(["add", "go", "--dir", "svc", "--dry-run"], dir);
    expect(dry.exitCode, dry.output).toBe(0);
    expect(dry.stdout).toContain("+++ b/svc/go.mod");
    expect(dry.stdout).toContain("+  go-svc:");
    expect(await status(dir)).toBe("");
    const json = await runBin(["add", "go", "--dir", "svc", "--dry-run", "--json"], dir);
    const plan: unknown = JSON.parse(json.stdout);
    expect(plan).toMatchObject({ ok: true, command: "add", dryRun: true, changed: true });
    expect(JSON.stringify(plan)).toContain('"path":"AGENTS.md","action":"merge"');
  });

  it("a scripts/check the tool did not write is a conflict: exit 1 with its diff, nothing written; --force keeps a backup", async () => {
    const mine = "#!/bin/sh\nmake test\n";
    const dir = await repoWith({ "scripts/check": mine });
    const result = await runBin(["add", "go", "--dir", "svc"], dir);
    expect(result.exitCode, result.output).toBe(1);
    expect(result.stdout).toContain("--- a/scripts/check");
    expect(result.stderr).toContain("scripts/check");
    expect(await status(dir)).toBe("");
    const forced = await runBin(["add", "go", "--dir", "svc", "--force"], dir);
    expect(forced.exitCode, forced.output).toBe(0);
    expect(await read(dir, "scripts/check.litclaude-backup")).toBe(mine);
    expect(await read(dir, "scripts/check")).toContain("# create-litclaude: combined gate");
  });

  it("refuses uncommitted changes to a file the plan touches, unless --allow-dirty", async () => {
    const dir = await repoWith(MONOREPO);
    await plant(dir, "AGENTS.md", "# Monorepo, edited and not committed\n");
    await plant(dir, "unrelated.txt", "dirty but not ours\n");
    const refused = await runBin(["add", "go", "--dir", "svc"], dir);
    expect(refused.exitCode, refused.output).toBe(2);
    expect(refused.stderr).toContain("AGENTS.md");
    expect(refused.stderr).not.toContain("unrelated.txt");
    expect(await status(dir)).toBe(" M AGENTS.md\n?? unrelated.txt\n");
    const allowed = await runBin(["add", "go", "--dir", "svc", "--allow-dirty"], dir);
    expect(allowed.exitCode, allowed.output).toBe(0);
  });

  it.each([
    [".github/workflows/ci.yml", "jobs:\n  a: [1\nb: 2\n", ":3:1"],
    [".editorconfig", "root = true\n[*]\n  not a property\n", ":3:3"],
    ["AGENTS.md", "# Mine\n<!-- litclaude:begin shared -->\nno end\n", ":2:1"],
    [".litclaude/answers.json", '{"generator": "someone-else"}\n', ":1:1"],
  ])(
    "a malformed %s exits 2 naming file:line:column, nothing written",
    async (path, content, at) => {
      const dir = await repoWith({ [path]: content });
      const result = await runBin(["add", "go", "--dir", "svc"], dir);
      expect(result.exitCode, result.output).toBe(2);
      expect(result.stderr).toContain(`${path}${at}`);
      expect(await status(dir)).toBe("");
    },
  );
});

describe("create-litclaude add, a second language", () => {
  it("keeps the first language's section and job, adds its own, and the gate runs both in order", async () => {
    const dir = await repoWith({ "AGENTS.md": "# Mine\n" });
    expect((await runBin(["add", "go", "--dir", "svc"], dir)).exitCode).toBe(0);
    await git(dir, ["add", "--all"]);
    await git(dir, ["commit", "-q", "-m", "go"]);
    const agentsBefore = await read(dir, "AGENTS.md");
    const second = await runBin(["add", "python", "--dir", "tools/py", "--name", "tools-py"], dir);
    expect(second.exitCode, second.output).toBe(0);
    const agents = await read(dir, "AGENTS.md");
    expect(agents.startsWith(agentsBefore)).toBe(true);
    expect(agents.slice(agentsBefore.length)).toMatch(
      /^\n<!-- litclaude:begin python\/tools\/py -->\n/,
    );
    expect(await read(dir, "scripts/check")).toContain(
      'gate go svc/scripts/check\ngate python tools/py/scripts/check\necho "OK"\n',
    );
    const workflow = await read(dir, ".github/workflows/ci.yml");
    expect(workflow).toContain("\n  go-svc:\n");
    expect(workflow).toContain("\n  python-tools-py:\n");
  });
});

describe("create-litclaude add registers workspaces", () => {
  it("adds the folder to go.work's use block", async () => {
    const dir = await repoWith({ "go.work": "go 1.26.0\n\n// modules\nuse (\n\t./tools\n)\n" });
    const result = await runBin(["add", "go", "--dir", "svc"], dir);
    expect(result.exitCode, result.output).toBe(0);
    expect(await read(dir, "go.work")).toBe(
      "go 1.26.0\n\n// modules\nuse (\n\t./tools\n\t./svc\n)\n",
    );
  });

  it("adds a Cargo workspace member keeping comments, and leaves a member a glob covers", async () => {
    const cargo =
      '# the workspace\n[workspace]\nresolver = "3"\nmembers = [\n  "crates/*", # all crates\n]\n';
    const dir = await repoWith({ "Cargo.toml": cargo });
    expect((await runBin(["add", "rust", "--dir", "crates/fast"], dir)).exitCode).toBe(0);
    expect(await read(dir, "Cargo.toml")).toBe(cargo);
    await git(dir, ["add", "--all"]);
    await git(dir, ["commit", "-q", "-m", "add crates/fast"]);
    const result = await runBin(["add", "rust", "--dir", "ext/speedup", "--name", "speedup"], dir);
    expect(result.exitCode, result.output).toBe(0);
    expect(await read(dir, "Cargo.toml")).toBe(
      '# the workspace\n[workspace]\nresolver = "3"\nmembers = [\n  "crates/*", # all crates\n  "ext/speedup",\n]\n',
    );
  });

  it("adds an npm workspace entry the globs do not cover", async () => {
    const dir = await repoWith({ "package.json": MONOREPO["package.json"] ?? "" });
    const result = await runBin(["add", "ts", "--dir", "tools/lint", "--name", "lint"], dir);
    expect(result.exitCode, result.output).toBe(0);
    expect(await read(dir, "package.json")).toBe(
      '{\n  "name": "mono",\n  "private": true,\n  "workspaces": [\n    "packages/*",\n    "tools/lint"\n  ]\n}\n',
    );
  });

  it("adds a pnpm workspace package the globs do not cover", async () => {
    const pnpm = "packages:\n  - 'packages/*' # every package\n";
    const dir = await repoWith({ "pnpm-workspace.yaml": pnpm, "package.json": '{"name": "m"}\n' });
    const result = await runBin(["add", "ts", "--dir", "tools/lint", "--name", "lint"], dir);
    expect(result.exitCode, result.output).toBe(0);
    expect(await read(dir, "pnpm-workspace.yaml")).toBe(`${pnpm}  - "tools/lint"\n`);
    expect(await read(dir, "package.json")).toBe('{"name": "m"}\n');
  });

  it("a malformed Cargo.toml exits 2 naming its line and column", async () => {
    const dir = await repoWith({ "Cargo.toml": '[workspace]\nmembers = ["a"\n' });
    const result = await runBin(["add", "rust", "--dir", "b"], dir);
    expect(result.exitCode, result.output).toBe(2);
    expect(result.stderr).toMatch(/Cargo\.toml:\d+:\d+/);
    expect(await status(dir)).toBe("");
  });
});
