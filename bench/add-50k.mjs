// Builds a committed git repo of 50,000 files (500 folders of 100) with a hand-written AGENTS.md
// and CI workflow, then times `create-litclaude add go --dir svc --dry-run` against a bare
// `git status` in the same run, alternating them. Prints medians and the ratio.
// Usage: node bench/add-50k.mjs [runs]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const runs = Number(process.argv[2] ?? 7);
const root = new URL("..", import.meta.url).pathname;
const repo = mkdtempSync(join(tmpdir(), "litclaude-add-bench-"));
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: "b",
  GIT_AUTHOR_EMAIL: "b@example.com",
  GIT_COMMITTER_NAME: "b",
  GIT_COMMITTER_EMAIL: "b@example.com",
};

execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
for (let folder = 0; folder < 500; folder += 1) {
  const dir = join(repo, "src", `m${String(folder)}`);
  mkdirSync(dir, { recursive: true });
  for (let file = 0; file < 100; file += 1) {
    writeFileSync(
      join(dir, `f${String(file)}.ts`),
      `export const v${String(file)} = ${String(file)};\n`,
    );
  }
}
mkdirSync(join(repo, ".github", "workflows"), { recursive: true });
writeFileSync(
  join(repo, ".github/workflows/ci.yml"),
  "# ours\nname: ci\non: [push]\njobs:\n  node:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n",
);
writeFileSync(join(repo, "AGENTS.md"), "# Big repo\n");
for (const args of [
  ["init", "-q"],
  ["add", "--all"],
  ["commit", "-q", "-m", "bench"],
]) {
  execFileSync("git", args, { cwd: repo, env, stdio: "ignore" });
}

function time(cmd, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd, args, { cwd: repo, env, stdio: "ignore" });
  if (result.status !== 0)
    throw new Error(`${cmd} ${args.join(" ")} exited ${String(result.status)}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const add = [];
const status = [];
time("git", ["status"]); // warm the index and the page cache for both
for (let run = 0; run < runs; run += 1) {
  add.push(
    time(process.execPath, [join(root, "dist/cli.js"), "add", "go", "--dir", "svc", "--dry-run"]),
  );
  status.push(time("git", ["status"]));
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const a = median(add);
const s = median(status);
console.log(`files: 50,000; runs: ${String(runs)}`);
console.log(`add go --dir svc --dry-run: median ${a.toFixed(0)} ms`);
console.log(`git status:                 median ${s.toFixed(0)} ms`);
console.log(`ratio add / git status:     ${(a / s).toFixed(2)}`);
rmSync(repo, { recursive: true, force: true });
