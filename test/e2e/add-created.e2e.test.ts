import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBin, tempDir } from "./support.js";
import { git, read, status } from "./add-support.js";

describe("add into a project create made", () => {
  it("moves create's gate byte for byte to scripts/check-ts, points its CI job there, and records both languages", async () => {
    const parent = await tempDir("litclaude-add-created-");
    const made = await runBin(
      ["app", "--lang", "ts", "--kind", "lib", "--yes", "--no-install", "--no-git"],
      parent,
    );
    expect(made.exitCode, made.output).toBe(0);
    const dir = join(parent, "app");
    await git(dir, ["init", "-q"]);
    await git(dir, ["add", "--all"]);
    await git(dir, ["commit", "-q", "-m", "create"]);
    const gate = await readFile(join(dir, "scripts/check"));
    const workflow = await read(dir, ".github/workflows/ci.yml");

    const added = await runBin(["add", "go", "--dir", "svc"], dir);
    expect(added.exitCode, added.output).toBe(0);
    expect(await readFile(join(dir, "scripts/check-ts"))).toEqual(gate);
    expect(await read(dir, "scripts/check")).toContain(
      "gate ts scripts/check-ts\ngate go svc/scripts/check\n",
    );
    const merged = await read(dir, ".github/workflows/ci.yml");
    const retargeted = workflow.replace("run: scripts/check\n", "run: scripts/check-ts\n");
    expect(merged.startsWith(retargeted)).toBe(true);
    expect(merged.slice(retargeted.length)).toMatch(/^ {2}go-svc:\n/);
    const answers: unknown = JSON.parse(await read(dir, ".litclaude/answers.json"));
    expect(answers).toMatchObject({
      template: "builtin:ts/lib",
      languages: [
        { lang: "ts", dir: "." },
        { lang: "go", dir: "svc" },
      ],
    });

    await git(dir, ["add", "--all"]);
    await git(dir, ["commit", "-q", "-m", "add go"]);
    const again = await runBin(["add", "go", "--dir", "svc"], dir);
    expect(again.exitCode, again.output).toBe(0);
    expect(again.stdout).toContain("Nothing to change");
    expect(await status(dir)).toBe("");
  });
});
