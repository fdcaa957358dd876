// Times the TypeScript no-excuse checker over a generated tree of 2,000 modules (files per second)
// and on one module (the editing hook's case). The checker loads typescript once per run, from
// this repository's node_modules here. Usage: node bench/no-excuse-ts.mjs [files]
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";

const count = Number(process.argv[2] ?? 2000);
const checker = new URL("../content/no-excuse/ts/files/scripts/no-excuse", import.meta.url)
  .pathname;
const work = mkdtempSync(join(tmpdir(), "no-excuse-bench-ts-"));

// About 60 lines each: a branded type, a union, functions with try/catch that narrow, strings
// and comments that mention the banned words (so the comment pass runs on every file); every
// 50th module carries one real violation so the report path runs too.
function module(i) {
  const bad = i % 50 === 0 ? 'export const loose = JSON.parse("1") as number;\n' : "";
  const body = Array.from({ length: 6 }, (_, j) =>
    [
      `// Step ${j}: never "as any", never @ts-ignore, no eslint-disable without a reason.`,
      `export function step${j}(value: number, label = "x as any"): Money {`,
      "  try {",
      `    return money(value + ${j});`,
      "  } catch (error) {",
      "    if (error instanceof RangeError) return money(0);",
      "    throw new Error(label, { cause: error });",
      "  }",
      "}",
    ].join("\n"),
  );
  return [
    `// Module ${i}.`,
    "declare const brand: unique symbol;",
    'export type Money = number & { readonly [brand]: "Money" };',
    'export type Kind = "a" | "b";',
    "function isMoney(cents: number): cents is Money {",
    "  return Number.isInteger(cents);",
    "}",
    "function money(cents: number): Money {",
    "  if (isMoney(cents)) return cents;",
    "  throw new RangeError(`not whole: ${String(cents)}`);",
    "}",
    bad,
    ...body,
    "",
  ].join("\n");
}

for (let i = 0; i < count; i += 1) {
  const dir = join(work, "src", `part${i % 40}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `mod${i}.ts`), module(i));
}

function time(args) {
  const started = process.hrtime.bigint();
  const done = spawnSync(checker, args, { cwd: work, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (done.status !== 1 && done.status !== 0)
    throw new Error(`checker exited ${done.status}: ${done.stderr}`);
  return { ms, summary: done.stdout.trim().split("\n").at(-1) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
time(["src/part1/mod1.ts"]); // warm the file cache
const tree = [time(["."]), time(["."]), time(["."])];
const single = median(Array.from({ length: 7 }, () => time(["src/part1/mod1.ts"]).ms));
const treeMs = median(tree.map((t) => t.ms));
console.log(
  `ts no-excuse: ${count} files in ${treeMs.toFixed(0)} ms (median of 3) = ${(count / (treeMs / 1000)).toFixed(0)} files/s`,
);
console.log(`ts no-excuse: one file in ${single.toFixed(0)} ms (median of 7)`);
console.log(`last summary: ${tree[0].summary}`);
console.log(
  `machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} (wall times grow with load)`,
);
rmSync(work, { recursive: true, force: true });
