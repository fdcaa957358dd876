import { cp, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { read } from "./add-support.js";
import { killAndRecover, type Tally } from "./safety/kill-loop.js";
import { pathExists, runBin, tempDir } from "./support.js";
import { startBin } from "./safety/child.js";
import { treeHash } from "./safety/tree.js";
import { buildNextRelease, runOther } from "./update-support.js";

const RUNS = 12;
const WORKERS = 2;

let next: { readonly bin: string; readonly version: string };
let pristine = "";

/** A TS project made at N with a user edit, outside git (git would touch .git/index). */
beforeAll(async () => {
  next = await buildNextRelease();
  const parent = await tempDir("litclaude-update-kill-n-");
  const made = await runBin(["app", "--lang", "ts", "--yes", "--no-install", "--no-git"], parent);
  expect(made.exitCode, made.output).toBe(0);
  pristine = join(parent, "app");
  const manifest = await read(pristine, "package.json");
  await writeFile(
    join(pristine, "package.json"),
    manifest.replace(
      '  "devDependencies": {',
      '  "dependencies": {\n    "zod": "4.6.7"\n  },\n  "devDependencies": {',
    ),
  );
}, 120_000);

async function makeRepo(repo: string): Promise<void> {
  await rm(repo, { recursive: true, force: true });
  await cp(pristine, repo, { recursive: true });
  expect(dirname(repo)).not.toBe(repo);
}

describe("SIGKILL at random moments while update changes a project", () => {
  it("killed after each single write of the journaled apply, add --recover restores the tree byte for byte and a rerun finishes it", async () => {
    const parent = await tempDir("litclaude-update-sweep-");
    const repo = join(parent, "repo");
    await makeRepo(repo);
    const original = await treeHash(repo);
    const whole = await startBin(["update"], repo, { bin: next.bin }).exit;
    expect(whole.code, whole.stderr).toBe(0);
    const complete = await treeHash(repo);
    expect(complete).not.toBe(original);
    let restored = 0;
    for (let writes = 0; ; writes += 1) {
      await makeRepo(repo);
      const child = startBin(["update"], repo, {
        bin: next.bin,
        slowFs: true,
        env: { SLOW_FS_MS: "15" },
      });
      // The journal is renamed into place first; then each file is a write and a rename.
      // The bin names each write before it happens: wait for the write after `writes` renames.
      const after = new RegExp(
        `journal\\.json\\n(?:(?:.*\\n)*?slow-fs: rename .*\\n){${String(writes)}}(?:.*\\n)*?slow-fs: write `,
      );
      const reached = await child.waitFor(after).then(
        () => true,
        () => false,
      );
      child.child.kill("SIGKILL");
      const exit = await child.exit;
      if (!reached || exit.signal !== "SIGKILL") break;
      const journal = await pathExists(join(repo, ".litclaude", "journal.json"));
      expect(journal).toBe(true);
      const recover = await runOther(next.bin, ["add", "--recover"], repo);
      expect(recover.exitCode, recover.output).toBe(0);
      expect(await treeHash(repo)).toBe(original);
      restored += 1;
      await makeRepo(repo);
      const again = startBin(["update"], repo, {
        bin: next.bin,
        slowFs: true,
        env: { SLOW_FS_MS: "15" },
      });
      await again.waitFor(after);
      again.child.kill("SIGKILL");
      await again.exit;
      const rerun = await runOther(next.bin, ["update"], repo);
      expect(rerun.exitCode, rerun.output).toBe(0);
      expect(await treeHash(repo)).toBe(complete);
    }
    console.log(
      `update sweep: killed after 0..${String(restored - 1)} writes, each restored and each finished by a rerun`,
    );
    expect(restored).toBeGreaterThan(5);
  }, 600_000);

  it(`a rerun of update recovers and finishes the update (${String(RUNS)} kills)`, async () => {
    const tally: Tally = { killed: 0, restored: 0, completed: 0 };
    const loop = {
      makeRepo,
      args: ["update"],
      recoverArgs: ["update"],
      runIn: "repo",
      bin: next.bin,
      delay: (span: number) => span * (0.3 + 0.7 * Math.random()),
    } as const;
    await Promise.all(
      Array.from({ length: WORKERS }, () => killAndRecover(loop, RUNS / WORKERS, tally)),
    );
    expect(tally.killed).toBe(RUNS);
    // Every kill, journal or not, ends in the whole update after the rerun.
    expect(tally.completed).toBe(RUNS);
  }, 600_000);

  it("two updates at once: one updates, the other stops with exit 2 and changes nothing (10 pairs)", async () => {
    const parent = await tempDir("litclaude-update-pair-");
    const repo = join(parent, "repo");
    await makeRepo(repo);
    const whole = await runOther(next.bin, ["update"], repo);
    expect(whole.exitCode, whole.output).toBe(0);
    const complete = await treeHash(repo);
    let refused = 0;
    for (let pair = 0; pair < 10; pair += 1) {
      await makeRepo(repo);
      const slow = { bin: next.bin, slowFs: true, env: { SLOW_FS_MS: "5" } } as const;
      const [first, second] = await Promise.all([
        startBin(["update"], repo, slow).exit,
        startBin(["update"], repo, slow).exit,
      ]);
      const codes = [first.code, second.code].sort();
      const loser = first.code === 2 ? first : second;
      // Either both ran one after the other (the second found nothing to do), or one was refused.
      if (codes[0] === 0 && codes[1] === 2) {
        expect(loser.stderr).toContain("is being updated by another run");
        refused += 1;
      } else {
        expect(codes, `${first.stderr}\n${second.stderr}`).toEqual([0, 0]);
      }
      expect(await treeHash(repo)).toBe(complete);
      expect(await pathExists(join(repo, ".litclaude", "journal.json"))).toBe(false);
    }
    console.log(
      `update pairs: ${String(refused)} of 10 refused the second run, the rest ran in turn`,
    );
  }, 600_000);
});
