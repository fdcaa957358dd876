// Times the Python no-excuse checker over a generated tree of 2,000 modules (files per second)
// and on one module (the editing hook's case). Usage: node bench/no-excuse-python.mjs [files]
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";

const count = Number(process.argv[2] ?? 2000);
const files = new URL("../content/no-excuse/python/files/", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "no-excuse-bench-py-"));
// Installed as a generated project holds it: _litclaude/ becomes .litclaude/.
cpSync(join(files, "scripts"), join(work, "scripts"), { recursive: true });
cpSync(join(files, "_litclaude"), join(work, ".litclaude"), { recursive: true });
const checker = join(work, "scripts", "no-excuse");

// About 60 lines each: imports, a frozen dataclass, functions, strings and comments that mention
// the banned words; every 50th module carries one real violation so the report path runs too.
function module(i) {
  const bad = i % 50 === 0 ? "from typing import Any\n" : "";
  const body = Array.from({ length: 8 }, (_, j) =>
    [
      `def step_${j}(value: int, label: str = "Any cast") -> Money:`,
      `    """Step ${j}: no asyncio, no # type: ignore here."""`,
      `    if value < ${j}:  # noqa: PLR2004`,
      `        raise ValueError(label)`,
      `    return Money(cents=value + ${j})`,
      "",
    ].join("\n"),
  );
  return [
    `"""Module ${i}."""`,
    "",
    "from dataclasses import dataclass",
    bad,
    "",
    "@dataclass(frozen=True, slots=True)",
    "class Money:",
    `    """Cents, never floats."""`,
    "",
    "    cents: int",
    "",
    "",
    ...body,
  ].join("\n");
}

for (let i = 0; i < count; i += 1) {
  const dir = join(work, "src", `pkg${i % 40}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `mod_${i}.py`), module(i));
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
time(["src/pkg1/mod_1.py"]); // warm the file cache
const tree = [time(["."]), time(["."]), time(["."])];
const single = median(Array.from({ length: 7 }, () => time(["src/pkg1/mod_1.py"]).ms));
const treeMs = median(tree.map((t) => t.ms));
console.log(
  `python no-excuse: ${count} files in ${treeMs.toFixed(0)} ms (median of 3) = ${(count / (treeMs / 1000)).toFixed(0)} files/s`,
);
console.log(`python no-excuse: one file in ${single.toFixed(0)} ms (median of 7)`);
console.log(`last summary: ${tree[0].summary}`);
console.log(
  `machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} (wall times grow with load)`,
);
rmSync(work, { recursive: true, force: true });
