// gen against node-plop, in one run: bundle bytes of each way of running plopfiles, and the time
// of a fresh process for `create --help`, our `gen --list`, and the same listing through
// node-plop (the devDependency), alternating. Usage: node bench/gen-startup.mjs [runs]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

const runs = Number(process.argv[2] ?? 21);
const root = new URL("..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "litclaude-gen-bench-"));
execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
const bin = join(root, "dist/cli.js");
execFileSync(process.execPath, [bin, "app", "--lang", "ts", "--yes", "--no-git", "--no-install"], {
  cwd: work,
  stdio: "ignore",
});
const project = join(work, "app");

const viaNodePlop = join(work, "node-plop-list.mjs");
writeFileSync(
  viaNodePlop,
  `import nodePlop from ${JSON.stringify(join(root, "node_modules/node-plop/src/index.js"))};
const plop = await nodePlop(${JSON.stringify(join(root, "generators/ts/plopfile.mjs"))}, { destBasePath: process.cwd(), force: false });
for (const g of plop.getGeneratorList()) process.stdout.write(g.name + "  " + g.description + "\\n");
`,
);

async function bundleBytes(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    target: "node20.19",
    write: false,
    logLevel: "silent",
    mainFields: ["module", "main"],
  });
  return result.outputFiles.reduce((sum, file) => sum + file.contents.byteLength, 0);
}

const ours = await bundleBytes(join(root, "src/cli/gen.ts"));
const theirs = await bundleBytes(viaNodePlop).catch((error) => `failed (${error.message.split("\n")[0]})`);

const contenders = {
  "create --help": [bin, "--help"],
  "gen --list (ours)": [bin, "gen", "--list"],
  "node-plop list": [viaNodePlop],
};
const times = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
for (let round = 0; round < runs + 1; round += 1) {
  const names = round % 2 === 0 ? Object.keys(contenders) : Object.keys(contenders).reverse();
  for (const name of names) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, contenders[name], { cwd: project, stdio: "ignore" });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`${name} exited ${result.status}`);
    if (round > 0) times[name].push(ms);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`runs: ${runs} each, alternating, a fresh node process each`);
for (const [name, values] of Object.entries(times)) {
  console.log(`${name.padEnd(20)} median ${median(values).toFixed(1)} ms`);
}
console.log(`bundle, src/cli/gen.ts and what it imports: ${(ours / 1024).toFixed(0)} KiB`);
console.log(`bundle, node-plop and what it imports: ${typeof theirs === "number" ? `${(theirs / 1024).toFixed(0)} KiB` : theirs}`);
rmSync(work, { recursive: true, force: true });
