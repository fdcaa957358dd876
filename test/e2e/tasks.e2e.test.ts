import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { snapshotTree } from "../golden/tree-snapshot.js";
import { makeShims } from "./shims.js";
import { runBin, tempDir } from "./support.js";

const keepText = (_path: string, text: string): string => text;

/** Every file of a project made with --no-install: what a complete project holds. */
async function completeProject(): Promise<Awaited<ReturnType<typeof snapshotTree>>> {
  const parent = await tempDir();
  const made = await runBin(["app", "--lang", "ts", "--yes", "--no-git", "--no-install"], parent);
  expect(made.exitCode, made.output).toBe(0);
  return snapshotTree(join(parent, "app"), keepText);
}

describe("a task that fails", () => {
  it("leaves the complete project, exits 1 and names the command to rerun", async () => {
    const parent = await tempDir();
    const npm = await makeShims(["npm"], { exitCode: 1, output: "npm error code E_PLANTED" });
    const result = await runBin(["app", "--lang", "ts", "--yes"], parent, npm.env);
    expect(result.exitCode, result.output).toBe(1);
    expect(await npm.calls()).toEqual([`npm ${join(parent, "app")} install`]);
    expect(result.stdout).toContain("install failed: ");
    expect(result.stdout).toContain("npm error code E_PLANTED");
    expect(result.stdout).toContain("rerun it with: npm install");
    // The later tasks did not run: no repository was made on top of a half-installed project.
    expect(await readdir(join(parent, "app"))).not.toContain(".git");
    expect(await snapshotTree(join(parent, "app"), keepText)).toEqual(await completeProject());
  });

  it("reports the failure and the rerun command in --json too", async () => {
    const parent = await tempDir();
    const npm = await makeShims(["npm"], { exitCode: 1, output: "npm error code E_PLANTED" });
    const result = await runBin(["app", "--lang", "ts", "--yes", "--json"], parent, npm.env);
    expect(result.exitCode).toBe(1);
    const parsed: unknown = JSON.parse(result.stdout);
    expect(parsed).toMatchObject({
      ok: false,
      tasks: [
        { name: "install", command: "npm install", status: "failed" },
        { name: "git", status: "skipped", reason: "an earlier task failed" },
        { name: "verify", status: "skipped" },
      ],
    });
  });
});

describe("--verify", () => {
  it("installs, then runs the new project's gate, which passes", async () => {
    const parent = await tempDir();
    const result = await runBin(
      ["app", "--lang", "ts", "--kind", "lib", "--yes", "--no-git", "--verify", "--json"],
      parent,
    );
    expect(result.exitCode, result.output).toBe(0);
    const parsed: unknown = JSON.parse(result.stdout);
    expect(parsed).toMatchObject({
      ok: true,
      tasks: [
        { name: "install", command: "npm install", status: "done" },
        { name: "git", status: "skipped" },
        { name: "verify", command: "scripts/check", status: "done" },
      ],
    });
    const verify = JSON.stringify(parsed).split('"name":"verify"')[1] ?? "";
    for (const step of ["format", "lint", "types", "no-excuse", "tests"]) {
      expect(verify).toContain(`==> ${step}`);
    }
    expect(verify).toContain("OK: all checks passed");
  }, 600_000);
});
