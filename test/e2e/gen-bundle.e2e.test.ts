import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "./support.js";

/** The modules a start of the bin loads before any dynamic import: cli.js and its static imports. */
async function staticGraph(entry: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = await readFile(entry, "utf8");
  const imports = [...code.matchAll(/(?:from|import)\s*"(\.\/[^"]+)"/g)].map((match) =>
    join(dirname(entry), match[1] ?? ""),
  );
  for (const file of imports) await staticGraph(file, seen);
  return seen;
}

/** The chunks `create` loads on its way: its own dynamic import and what that imports statically. */
async function createGraph(): Promise<Set<string>> {
  const code = await readFile(BIN, "utf8");
  const create = /import\("(\.\/chunks\/create-[^"]+)"\)/.exec(code)?.[1];
  expect(create).toBeDefined();
  const graph = await staticGraph(BIN);
  return staticGraph(join(dirname(BIN), create ?? ""), graph);
}

describe("the bundle", () => {
  it("keeps gen's code out of what create loads", async () => {
    const files = await createGraph();
    expect(files.size).toBeGreaterThan(1);
    for (const file of files) {
      const code = await readFile(file, "utf8");
      expect(code.includes("setGenerator"), file).toBe(false);
      expect(code.includes("plopfile.mjs"), file).toBe(false);
    }
  });

  it("loads gen through a dynamic import of its own chunk", async () => {
    const code = await readFile(BIN, "utf8");
    const gen = /import\("(\.\/chunks\/gen-[^"]+)"\)/.exec(code)?.[1];
    expect(gen).toBeDefined();
    const graph = await staticGraph(join(dirname(BIN), gen ?? ""));
    const codes = await Promise.all([...graph].map((file) => readFile(file, "utf8")));
    expect(codes.some((code) => code.includes("setGenerator"))).toBe(true);
  });
});
