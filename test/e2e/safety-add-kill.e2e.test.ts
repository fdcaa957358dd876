import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { killAndRecover, type Tally } from "./safety/kill-loop.js";

const RUNS = 200;
const WORKERS = 4;
const FILES = 300;
const ADD = ["add", "go", "--dir", "svc", "--force"];

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

describe("SIGKILL at random moments while add changes an existing repo", () => {
  it(`leaves a tree that add --recover makes byte for byte the original (${String(RUNS)} kills)`, async () => {
    const tally: Tally = { killed: 0, restored: 0, completed: 0 };
    const loop = {
      makeRepo: existingRepo,
      args: ADD,
      recoverArgs: ["add", "--recover"],
      runIn: "repo",
      // The first quarter of a run is start-up and planning, before any write: kill mostly after it.
      delay: (span: number) => span * (0.25 + 0.75 * Math.random()),
    } as const;
    await Promise.all(
      Array.from({ length: WORKERS }, () => killAndRecover(loop, RUNS / WORKERS, tally)),
    );
    console.log(
      `add kills: ${String(tally.killed)} killed, ${String(tally.restored)} restored from a journal, ${String(tally.completed)} already complete`,
    );
    expect(tally.killed).toBe(RUNS);
    expect(tally.restored).toBeGreaterThanOrEqual(RUNS / 4);
  }, 600_000);
});
