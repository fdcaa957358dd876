import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { killAndRecover, type Tally } from "./safety/kill-loop.js";

const RUNS = 200;
const WORKERS = 4;
const FILES = 300;
const CREATE = ["repo", "--lang", "ts", "--yes", "--no-install", "--no-git", "--force"];

/** A repo nobody generated: a few hundred files, and some the project would write too. */
async function existingRepo(repo: string): Promise<void> {
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
}

describe("SIGKILL at random moments while create changes an existing repo", () => {
  it(`leaves a tree that --recover makes byte-for-byte the original (${String(RUNS)} kills, ${String(FILES)} files)`, async () => {
    const tally: Tally = { killed: 0, restored: 0, completed: 0 };
    const loop = {
      makeRepo: existingRepo,
      args: CREATE,
      recoverArgs: ["repo", "--recover"],
      runIn: "parent",
      delay: (span: number) => Math.random() * span,
      afterRecover: async (parent: string) => {
        expect(await readdir(parent)).toEqual(["repo"]);
      },
    } as const;
    await Promise.all(
      Array.from({ length: WORKERS }, () => killAndRecover(loop, RUNS / WORKERS, tally)),
    );
    console.log(
      `journal kills: ${String(tally.killed)} killed, ${String(tally.restored)} restored from a journal, ${String(tally.completed)} already complete`,
    );
    expect(tally.killed).toBe(RUNS);
    expect(tally.restored).toBeGreaterThanOrEqual(RUNS / 4);
  }, 600_000);
});
