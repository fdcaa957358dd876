import { cp, rm } from "node:fs/promises";
import { expect } from "vitest";
import { BIN, pathExists, run as runCommand, tempDir } from "../support.js";
import { join } from "node:path";
import { startBin } from "./child.js";
import { treeHash } from "./tree.js";

export interface Tally {
  killed: number;
  restored: number;
  completed: number;
}

/** One command killed at random moments in a repo, then recovered, as many times as asked. */
export interface KillLoop {
  /** Builds the pristine repo in the (empty) folder given. */
  readonly makeRepo: (repo: string) => Promise<void>;
  readonly args: readonly string[];
  readonly recoverArgs: readonly string[];
  /** Where the command runs: the repo itself, or the folder holding it. */
  readonly runIn: "repo" | "parent";
  /** How long to wait before the kill, given how long a whole run takes. */
  readonly delay: (span: number) => number;
  /** The bin that runs and recovers (a test-only next release); the worktree's by default. */
  readonly bin?: string;
  /** Checks after each recovery, beyond the tree hash. */
  readonly afterRecover?: (parent: string) => Promise<void>;
}

const SLOW = { SLOW_FS_MS: "3" };

/**
 * Kills the command `runs` times at a random moment (slowed writes make the write phase long),
 * recovers, and requires the tree byte-equal to before the run or to a whole run. A kill after the
 * journal's removal leaves the change whole, which is the other allowed outcome.
 */
export async function killAndRecover(loop: KillLoop, runs: number, tally: Tally): Promise<void> {
  const parent = await tempDir("litclaude-kill-");
  const repo = join(parent, "repo");
  const pristine = join(await tempDir("litclaude-pristine-"), "repo");
  await loop.makeRepo(pristine);
  const reset = async (): Promise<void> => {
    await rm(repo, { recursive: true, force: true });
    await cp(pristine, repo, { recursive: true });
  };
  const cwd = loop.runIn === "repo" ? repo : parent;
  await reset();
  const original = await treeHash(repo);
  const timed = Date.now();
  const full = await startBin(loop.args, cwd, { slowFs: true, env: SLOW, bin: loop.bin ?? BIN })
    .exit;
  expect(full.code, full.stderr).toBe(0);
  const span = Date.now() - timed;
  const complete = await treeHash(repo);
  await reset();
  for (let done = 0; done < runs;) {
    const run = startBin(loop.args, cwd, { slowFs: true, env: SLOW, bin: loop.bin ?? BIN });
    await new Promise((resolve) => setTimeout(resolve, loop.delay(span)));
    run.child.kill("SIGKILL");
    const exit = await run.exit;
    if (exit.signal !== "SIGKILL") {
      await reset();
      continue;
    }
    done += 1;
    tally.killed += 1;
    const hadJournal = await pathExists(join(repo, ".litclaude", "journal.json"));
    const recover = await runCommand(process.execPath, [loop.bin ?? BIN, ...loop.recoverArgs], cwd);
    expect(recover.exitCode, recover.output).toBe(0);
    const now = await treeHash(repo);
    expect([original, complete]).toContain(now);
    await loop.afterRecover?.(parent);
    if (now === original && hadJournal) tally.restored += 1;
    if (now === complete) {
      tally.completed += 1;
      await reset();
    }
  }
}
