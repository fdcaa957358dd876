import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listTree } from "./safety/tree.js";
import { runBin, tempDir, type RunResult } from "./support.js";

const PAIRS = 50;
const AT_ONCE = 5;
const LANGS = ["ts", "go"] as const;

function args(lang: string): string[] {
  return ["app", "--lang", lang, "--yes", "--no-install", "--no-git", "--json"];
}

/** The files a complete project of each language holds, from a run into an empty folder. */
async function completeTrees(): Promise<ReadonlyMap<string, readonly string[]>> {
  const trees = new Map<string, readonly string[]>();
  for (const lang of LANGS) {
    const parent = await tempDir();
    await runBin(args(lang), parent);
    trees.set(lang, await listTree(join(parent, "app")));
  }
  return trees;
}

async function onePair(trees: ReadonlyMap<string, readonly string[]>): Promise<void> {
  const parent = await tempDir();
  const results: readonly RunResult[] = await Promise.all(
    LANGS.map((lang) => runBin(args(lang), parent)),
  );
  const winners = results.flatMap((result, index) => (result.exitCode === 0 ? [index] : []));
  expect(winners, results.map((result) => result.output).join("\n")).toHaveLength(1);
  const winner = winners[0] ?? 0;
  const loser = results[1 - winner];
  expect(loser?.exitCode).toBe(2);
  expect(loser?.stdout).toMatch(
    /being created by another run|already holds a create-litclaude project/,
  );
  expect(await listTree(join(parent, "app"))).toEqual(trees.get(LANGS[winner] ?? "ts"));
  expect(await readdir(parent)).toEqual(["app"]);
}

describe("two runs into one target", () => {
  it(`exactly one wins with a complete tree; the other exits 2 and touches nothing (${String(PAIRS)} pairs)`, async () => {
    const trees = await completeTrees();
    for (let done = 0; done < PAIRS; done += AT_ONCE) {
      await Promise.all(Array.from({ length: AT_ONCE }, () => onePair(trees)));
    }
  }, 300_000);
});
