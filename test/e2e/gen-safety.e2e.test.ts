import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startBin } from "./safety/child.js";
import { treeHash } from "./safety/tree.js";
import { runBin, tempDir } from "./support.js";

const TIMEOUT = 60_000;

async function tsProject(): Promise<string> {
  const parent = await tempDir("litclaude-gen-safety-");
  const made = await runBin(["app", "--lang", "ts", "--yes", "--no-git", "--no-install"], parent);
  expect(made.exitCode, made.output).toBe(0);
  return join(parent, "app");
}

/** The args of a gen run that creates two files and changes one: three renames into place. */
const COMMAND = ["gen", "command", "sync-all"];
const SECOND_RENAME = /slow-fs: rename [^\n]*-> [^\n]*test\/commands\/sync-all\.test\.ts/;

describe("gen stopped halfway", () => {
  it(
    "puts every file back on Ctrl-C after some files were written, and exits 130",
    async () => {
      const dir = await tsProject();
      const before = await treeHash(dir);
      const stopped = startBin(COMMAND, dir, { slowFs: true });
      await stopped.waitFor(SECOND_RENAME);
      stopped.child.kill("SIGINT");
      const exit = await stopped.exit;
      expect(exit.code, exit.stderr).toBe(130);
      expect(await treeHash(dir)).toBe(before);
    },
    TIMEOUT,
  );

  it(
    "is finished cleanly after SIGKILL: the next run restores the journal, then writes once",
    async () => {
      const dir = await tsProject();
      const killed = startBin(COMMAND, dir, { slowFs: true });
      await killed.waitFor(SECOND_RENAME);
      killed.child.kill("SIGKILL");
      await killed.exit;
      const rerun = await runBin(COMMAND, dir);
      expect(rerun.exitCode, rerun.output).toBe(0);
      const run = await readFile(join(dir, "src/lib/run.ts"), "utf8");
      expect(run.split('if (args[0] === "sync-all")').length).toBe(2);
      expect(run.split("import { runSyncAll }").length).toBe(2);
    },
    TIMEOUT,
  );
});
