// Side by side, in one run: the packed create-litclaude against create-vite, each installed from
// its tarball into a temp prefix, each scaffolding a TypeScript app with no git and no install.
// Prints medians, the ratio and the packed/unpacked sizes. Usage: node bench/create-vs-vite.mjs [runs]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CREATE_VITE = "create-vite@9.3.0";
const runs = Number(process.argv[2] ?? 15);
const root = new URL("..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "litclaude-bench-"));

function sh(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
}

execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
const [packed] = JSON.parse(sh("npm", ["pack", "--json", "--pack-destination", work], root));
const tarball = join(work, packed.filename);
for (const [prefix, spec] of [
  ["ours", tarball],
  ["vite", CREATE_VITE],
]) {
  sh(
    "npm",
    [
      "install",
      "--prefix",
      join(work, prefix),
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      spec,
    ],
    work,
  );
}

const contenders = {
  "create-litclaude": (dir) => [
    join(work, "ours/node_modules/.bin/create-litclaude"),
    [dir, "--lang", "ts", "--yes", "--no-git", "--no-install"],
  ],
  "create-vite": (dir) => [
    join(work, "vite/node_modules/.bin/create-vite"),
    [dir, "--template", "vanilla-ts", "--no-interactive", "--no-immediate"],
  ],
};
const times = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
for (let run = 0; run < runs + 1; run += 1) {
  // Alternate the order each round so neither side always runs on a warmer machine.
  const names = run % 2 === 0 ? Object.keys(contenders) : Object.keys(contenders).reverse();
  for (const name of names) {
    const dir = join(work, `app-${run}-${name}`);
    const [cmd, args] = contenders[name](dir);
    const started = process.hrtime.bigint();
    const result = spawnSync(cmd, args, {
      cwd: work,
      env: { ...process.env, CI: "true" },
      stdio: "ignore",
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`${name} exited ${result.status}`);
    if (run > 0) times[name].push(ms); // the first round only warms the file cache
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ours = median(times["create-litclaude"]);
const vite = median(times["create-vite"]);
console.log(`runs: ${runs} each, alternating`);
console.log(`create-litclaude median ${ours.toFixed(1)} ms`);
console.log(`create-vite      median ${vite.toFixed(1)} ms`);
console.log(`ratio (create-litclaude / create-vite): ${(ours / vite).toFixed(2)}`);
console.log(
  `packed size ${(packed.size / 1024).toFixed(0)} KiB, unpacked ${(packed.unpackedSize / 1024).toFixed(0)} KiB, ${packed.entryCount} files`,
);
rmSync(work, { recursive: true, force: true });
