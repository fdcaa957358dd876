import { cp, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startBin } from "./safety/child.js";
import { treeHash } from "./safety/tree.js";
import { pathExists, runBin, tempDir } from "./support.js";

const RUNS = 200;
const WORKERS = 4;
const FILES = 300;
const CREATE = ["repo", "--lang", "ts", "--yes", "--no-install", "--no-git", "--force"];
const SLOW = { SLOW_FS_MS: "3" };

/** A repo nobody generated: a few hundred files, and some the project would write too. */
async function existingRepo(parent: string): Promise<string> {
  const repo = join(parent, "repo");
  for (let index = 0; index < FILES; index += 1) {
    const dir = join(repo, "src", `pkg${String(index % 17)}`);
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, `file${String(index)}.ts`),
      `export const n${String(index)} = ${String(index)};\n`,
    );
  }
  await writeFile(join(repo, "README.md"), "# an existing repo\n");
  await writeFile(join(repo, "package.json"), '{ "name": "existing", "private": true }\n');
  await writeFile(join(repo, ".gitignore"), "# mine\nnode_modules\n*.log\n");
  await mkdir(join(repo, "scripts"));
  await writeFile(join(repo, "scripts", "check"), "#!/bin/sh\necho mine\n", { mode: 0o755 });
  return repo;
}

interface Tally {
  killed: number;
  restored: number;
  completed: number;
}

async function oneWorker(runs: number, tally: Tally): Promise<void> {
  const parent = await tempDir("litclaude-journal-");
  const pristine = join(await tempDir("litclaude-pristine-"), "repo");
  await cp(await existingRepo(await tempDir()), pristine, { recursive: true });
  const reset = async (): Promise<void> => {
    await rm(join(parent, "repo"), { recursive: true, force: true });
    await cp(pristine, join(parent, "repo"), { recursive: true });
  };
  await reset();
  const original = await treeHash(join(parent, "repo"));
  const timed = Date.now();
  const full = await startBin(CREATE, parent, { slowFs: true, env: SLOW }).exit;
  expect(full.code, full.stderr).toBe(0);
  const span = Date.now() - timed;
  const complete = await treeHash(join(parent, "repo"));
  await reset();
  for (let done = 0; done < runs;) {
    const run = startBin(CREATE, parent, { slowFs: true, env: SLOW });
    await new Promise((resolve) => setTimeout(resolve, Math.random() * span));
    run.child.kill("SIGKILL");
    const exit = await run.exit;
    if (exit.signal !== "SIGKILL") {
      await reset();
      continue;
    }
    done += 1;
    tally.killed += 1;
    const hadJournal = await pathExists(join(parent, "repo", ".litclaude", "journal.json"));
    const recover = await runBin(["repo", "--recover"], parent);
    expect(recover.exitCode, recover.output).toBe(0);
    const now = await treeHash(join(parent, "repo"));
    // The journal goes last: killed after that, the change is whole, and nothing is undone.
    expect([original, complete]).toContain(now);
    expect(await readdir(parent)).toEqual(["repo"]);
    if (now === original && hadJournal) tally.restored += 1;
    if (now === complete) {
      tally.completed += 1;
      await reset();
    }
  }
}

describe("SIGKILL at random moments while create changes an existing repo", () => {
  it(`leaves a tree that --recover makes byte-for-byte the original (${String(RUNS)} kills, ${String(FILES)} files)`, async () => {
    const tally: Tally = { killed: 0, restored: 0, completed: 0 };
    await Promise.all(Array.from({ length: WORKERS }, () => oneWorker(RUNS / WORKERS, tally)));
    console.log(
      `journal kills: ${String(tally.killed)} killed, ${String(tally.restored)} restored from a journal, ${String(tally.completed)} already complete`,
    );
    expect(tally.killed).toBe(RUNS);
    expect(tally.restored).toBeGreaterThanOrEqual(RUNS / 4);
  }, 600_000);
});
