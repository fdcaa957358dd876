// Time to green per language and kind: generate + install (the tool's own install task), then
// the first run of the generated scripts/check. Needs the toolchain tools (.ci/install-tools).
// Usage: node bench/time-to-green.mjs [lang ...]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const langs = process.argv.length > 2 ? process.argv.slice(2) : ["ts", "go", "python", "rust"];
spawnSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });

function timed(cmd, args, cwd) {
  const started = performance.now();
  const result = spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, CI: "true" },
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0)
    throw new Error(
      `${cmd} ${args.join(" ")} exited ${result.status}\n${result.stdout}${result.stderr}`,
    );
  return seconds;
}

console.log("lang   kind  generate+install  first gate  total");
for (const lang of langs) {
  for (const kind of ["cli", "lib"]) {
    const parent = mkdtempSync(join(tmpdir(), "litclaude-ttg-"));
    const dir = join(parent, "demo");
    const generate = timed(
      process.execPath,
      [join(root, "dist/cli.js"), dir, "--lang", lang, "--kind", kind, "--yes", "--no-git"],
      parent,
    );
    const gate = timed(join(dir, "scripts/check"), [], dir);
    console.log(
      `${lang.padEnd(6)} ${kind.padEnd(5)} ${generate.toFixed(1).padStart(15)}s ${gate.toFixed(1).padStart(10)}s ${(generate + gate).toFixed(1).padStart(6)}s`,
    );
    rmSync(parent, { recursive: true, force: true });
  }
}
