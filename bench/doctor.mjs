// Times `create-litclaude doctor` on a freshly generated project of each language (cli kind,
// --no-install), once as a plain folder (doctor walks it) and once as a committed git repo
// (doctor asks git for its files), against `node dist/cli.js --version` as the floor of a
// Node start. Prints the median of each in milliseconds.
// Usage: node bench/doctor.mjs [runs]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const runs = Number(process.argv[2] ?? 7);
const root = new URL("..", import.meta.url).pathname;
const cli = join(root, "dist/cli.js");
const parent = mkdtempSync(join(tmpdir(), "litclaude-doctor-bench-"));
const env = {
  ...process.env,
  CI: "true",
  GIT_AUTHOR_NAME: "b",
  GIT_AUTHOR_EMAIL: "b@example.com",
  GIT_COMMITTER_NAME: "b",
  GIT_COMMITTER_EMAIL: "b@example.com",
};

function time(args, cwd, expected = 0) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, env, stdio: "ignore" });
  if (result.status !== expected) {
    throw new Error(`${args.join(" ")} in ${cwd} exited ${String(result.status)}`);
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function sample(args, cwd) {
  time(args, cwd); // warm the page cache
  return median(Array.from({ length: runs }, () => time(args, cwd)));
}

execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
const rows = [["(node start)", "--version", sample(["--version"], parent)]];
for (const lang of ["go", "python", "rust", "ts"]) {
  const plain = join(parent, `${lang}-plain`);
  const repo = join(parent, `${lang}-git`);
  time([plain, "--lang", lang, "--yes", "--no-git", "--no-install"], parent);
  time([repo, "--lang", lang, "--yes", "--git", "--no-install"], parent);
  rows.push([lang, "walk", sample(["doctor", plain], parent)]);
  rows.push([lang, "git ls-files", sample(["doctor", repo], parent)]);
}
console.log(`doctor on a fresh cli project, median of ${String(runs)} runs (ms)`);
for (const [lang, mode, ms] of rows) {
  console.log(`${lang.padEnd(13)} ${mode.padEnd(13)} ${ms.toFixed(0).padStart(5)}`);
}
rmSync(parent, { recursive: true, force: true });
