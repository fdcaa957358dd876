import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { read, repoWith, status } from "./add-support.js";
import { expectGateGreen, lastLine, pathExists, runBin, runGate } from "./support.js";
import {
  AGENTS_RULE,
  USER_TASK,
  CONTRIBUTING,
  buildNextRelease,
  commitAll,
  projectAtN,
  runOther,
} from "./update-support.js";

const NOTE = "\n## Our team\n\nWe pair on every change.\n";

let next: { readonly bin: string; readonly version: string };
beforeAll(async () => {
  next = await buildNextRelease();
}, 120_000);

/** The user's lint edits: a setting right below the one the template changes, a linter switched off. */
function lintEdits(text: string): string {
  const edited = text
    .replace("      max-complexity: 10\n", "      max-complexity: 10\n      package-average: 5.0\n")
    .replace("    - godox #", "    - gochecknoglobals # we keep a few registries\n    - godox #");
  expect(edited).not.toBe(text);
  return edited;
}

describe("update of Go projects to N+1", () => {
  it("merges .golangci.yml by structure where the lines touch, keeps the user's linter and notes, and the gate stays green", async () => {
    const dir = await projectAtN("go", "cli");
    await writeFile(join(dir, ".golangci.yml"), lintEdits(await read(dir, ".golangci.yml")));
    await writeFile(join(dir, "AGENTS.md"), `${await read(dir, "AGENTS.md")}${NOTE}`);
    await writeFile(join(dir, "Taskfile.yml"), `${await read(dir, "Taskfile.yml")}${USER_TASK}`);
    await commitAll(dir, "my edits");

    const updated = await runOther(next.bin, ["update"], dir);
    expect(updated.exitCode, updated.output).toBe(0);
    const lint = await read(dir, ".golangci.yml");
    expect(lint).toContain("      max-complexity: 12\n      package-average: 5.0\n");
    expect(lint).toContain("    - gochecknoglobals # we keep a few registries\n");
    expect((await read(dir, "AGENTS.md")).endsWith(NOTE)).toBe(true);
    expect(await read(dir, ".github/workflows/ci.yml")).toContain('run: echo "baseline N+1"');
    // The migration moved the user's Taskfile, task and all, and is recorded so it runs once.
    expect(await pathExists(join(dir, "Taskfile.yml"))).toBe(false);
    expect((await read(dir, "Taskfile.yaml")).endsWith(USER_TASK)).toBe(true);
    const answers: unknown = JSON.parse(await read(dir, ".litclaude/answers.json"));
    expect(answers).toMatchObject({ migrations: ["go-taskfile-yaml"] });
    expect(updated.stdout).toContain("migration go-taskfile-yaml\n");
    await expectGateGreen(dir);
    await commitAll(dir, "update");
    expect((await runOther(next.bin, ["update"], dir)).exitCode).toBe(0);
    expect(await status(dir)).toBe("");
  }, 600_000);

  it("updates a repo made with add: sections of AGENTS.md in place, the user's text around them kept, the combined gate green", async () => {
    const dir = await repoWith({
      "README.md": "# Ours\n",
      "AGENTS.md": "# Our rules\n\nBe kind.\n",
    });
    const added = await runBin(["add", "go", "--dir", "svc"], dir);
    expect(added.exitCode, added.output).toBe(0);
    await commitAll(dir, "add go");
    const agents = `${await read(dir, "AGENTS.md")}\nTeam text after the markers.\n`;
    await writeFile(join(dir, "AGENTS.md"), agents);
    await writeFile(
      join(dir, "svc/.golangci.yml"),
      lintEdits(await read(dir, "svc/.golangci.yml")),
    );
    await writeFile(
      join(dir, "svc/Taskfile.yml"),
      `${await read(dir, "svc/Taskfile.yml")}${USER_TASK}`,
    );
    await commitAll(dir, "my edits");

    const updated = await runOther(next.bin, ["update", "--json"], dir);
    expect(updated.exitCode, updated.output).toBe(0);
    const result: unknown = JSON.parse(updated.stdout);
    expect(result).toMatchObject({ ok: true, command: "update", to: next.version });
    // The shared section took the template's new rule in place; the text after it is the user's.
    const after = await read(dir, "AGENTS.md");
    expect(after.startsWith("# Our rules\n\nBe kind.\n")).toBe(true);
    expect(after.endsWith("<!-- litclaude:end go/svc -->\n\nTeam text after the markers.\n")).toBe(
      true,
    );
    const rule = after.indexOf(AGENTS_RULE);
    expect(rule).toBeGreaterThan(after.indexOf("<!-- litclaude:begin shared -->"));
    expect(rule).toBeLessThan(after.indexOf("<!-- litclaude:end shared -->"));
    expect(await read(dir, "README.md")).toBe("# Ours\n");
    expect(await read(dir, "svc/CONTRIBUTING.md")).toBe(CONTRIBUTING);
    expect(await read(dir, "svc/.golangci.yml")).toContain(
      "      max-complexity: 12\n      package-average: 5.0\n",
    );
    expect(await read(dir, ".github/workflows/ci.yml")).toContain('run: echo "baseline N+1"');
    expect(await pathExists(join(dir, ".editorconfig"))).toBe(false);
    expect(await pathExists(join(dir, "svc/Taskfile.yml"))).toBe(false);
    expect((await read(dir, "svc/Taskfile.yaml")).endsWith(USER_TASK)).toBe(true);
    expect(await read(dir, "scripts/check")).toContain("gate go svc/scripts/check");
    const gate = await runGate(dir);
    expect(lastLine(gate.output), gate.output).toBe("OK");
    expect(gate.exitCode).toBe(0);
    await commitAll(dir, "update");
    const again = await runOther(next.bin, ["update"], dir);
    expect(again.exitCode, again.output).toBe(0);
    expect(await status(dir)).toBe("");
  }, 600_000);

  it("updates a project create made and add extended (the adopted root gate and both CI jobs)", async () => {
    const dir = await projectAtN("ts", "lib");
    const added = await runBin(["add", "go", "--dir", "svc"], dir);
    expect(added.exitCode, added.output).toBe(0);
    await commitAll(dir, "add go");
    expect((await runBin(["update", "--check"], dir)).exitCode).toBe(0);
    const gate = await read(dir, "scripts/check-ts");

    const updated = await runOther(next.bin, ["update"], dir);
    expect(updated.exitCode, updated.output).toBe(0);
    expect(await read(dir, "scripts/check-ts")).toBe(gate);
    expect(await read(dir, "scripts/check")).toContain("gate go svc/scripts/check");
    const workflow = await read(dir, ".github/workflows/ci.yml");
    expect(workflow.match(/run: echo "baseline N\+1"/g)).toHaveLength(2);
    expect(workflow).toContain("run: scripts/check-ts");
    expect(await read(dir, "svc/CONTRIBUTING.md")).toBe(CONTRIBUTING);
    expect(await read(dir, "CONTRIBUTING.md")).toBe(CONTRIBUTING);
    await commitAll(dir, "update");
    expect((await runOther(next.bin, ["update"], dir)).exitCode).toBe(0);
    expect(await status(dir)).toBe("");
  }, 120_000);
});
