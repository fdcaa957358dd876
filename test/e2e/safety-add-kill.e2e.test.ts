import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startBin } from "./safety/child.js";
import { treeHash } from "./safety/tree.js";
import { pathExists, runBin, tempDir } from "./support.js";

const RUNS = 200;
const WORKERS = 4;
const FILES = 300;
const ADD = ["add", "go", "--dir", "svc", "--force"];
const SLOW = { SLOW_FS_MS: "3" };

/** A repo nobody generated, with shared files add merges into and one it overwrites (--force). */
async function existingRepo(repo: string): Promise<void> {
  for (let index = 0; index < FILES; index += 1) {
    const dir = join(repo, "src", `pkg${String(index % 17)}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `f${String(index)}.ts`), `export const n = ${String(index)};\n`);
  }
  await mkdir(join(repo, ".github", "workflows"), { recursive: true });
  await writeFile(
    join(repo, ".github/workflows/ci.yml"),
    "# mine\nname: ci\non: [push]\njobs:\n  node:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n",
  );
  await writeFile(join(repo, "AGENTS.md"), "# Mine\n\nRules by hand.\n");
  await writeFile(join(repo, ".editorconfig"), "root = true\n\n[*]\nindent_size = 3\n");
  await mkdir(join(repo, "scripts"));
  await writeFile(join(repo, "scripts", "check"), "#!/bin/sh\necho mine\n", { mode: 0o755 });
}

interface Tally {
  killed: number;
  restored: number;
  completed: number;
}

async function oneWorker(runs: number, tally: Tally): Promise<void> {
  const repo = join(await tempDir("litclaude-add-kill-"), "repo");
  const pristine = join(await tempDir("litclaude-add-pristine-"), "repo");
  await existingRepo(pristine);
  const reset = async (): Promise<void> => {
    await rm(repo, { recursive: true, force: true });
    await cp(pristine, repo, { recursive: true });
  };
  await reset();
  const original = await treeHash(repo);
  const timed = Date.now();
  const full = await startBin(ADD, repo, { slowFs: true, env: SLOW }).exit;
  expect(full.code, full.stderr).toBe(0);
  const span = Date.now() - timed;
  const complete = await treeHash(repo);
  await reset();
  for (let done = 0; done < runs;) {
    const run = startBin(ADD, repo, { slowFs: true, env: SLOW });
    // The first quarter of a run is start-up and planning, before any write: kill mostly after it.
    await new Promise((resolve) => setTimeout(resolve, span * (0.25 + 0.75 * Math.random())));
    run.child.kill("SIGKILL");
    const exit = await run.exit;
    if (exit.signal !== "SIGKILL") {
      await reset();
      continue;
    }
    done += 1;
    tally.killed += 1;
    const hadJournal = await pathExists(join(repo, ".litclaude", "journal.json"));
    const recover = await runBin(["add", "--recover"], repo);
    expect(recover.exitCode, recover.output).toBe(0);
    const now = await treeHash(repo);
    expect([original, complete]).toContain(now);
    if (now === original && hadJournal) tally.restored += 1;
    if (now === complete) {
      tally.completed += 1;
      await reset();
    }
  }
}

describe("SIGKILL at random moments while add changes an existing repo", () => {
  it(`leaves a tree that add --recover makes byte for byte the original (${String(RUNS)} kills)`, async () => {
    const tally: Tally = { killed: 0, restored: 0, completed: 0 };
    await Promise.all(Array.from({ length: WORKERS }, () => oneWorker(RUNS / WORKERS, tally)));
    console.log(
      `add kills: ${String(tally.killed)} killed, ${String(tally.restored)} restored from a journal, ${String(tally.completed)} already complete`,
    );
    expect(tally.killed).toBe(RUNS);
    expect(tally.restored).toBeGreaterThanOrEqual(RUNS / 4);
  }, 600_000);
});
