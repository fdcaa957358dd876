// Times the Go no-excuse checker over a generated module of 2,000 files (100 packages of 20), and
// on one file, the way the editing hook calls it. Run: node bench/no-excuse-go.mjs
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGES = 100;
const FILES_PER_PACKAGE = 20;
const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const goCache = spawnSync("go", ["env", "GOCACHE"], { encoding: "utf8" }).stdout.trim();

function goFile(pkg, file) {
  const lines = [
    `// Package p${pkg} is generated for the benchmark.`,
    `package p${pkg}`,
    "",
    "import (",
    '\t"errors"',
    '\t"fmt"',
    '\t"strconv"',
    '\t"strings"',
    ")",
    "",
    `var errEmpty${file} = errors.New("empty")`,
    "",
  ];
  for (let fn = 0; fn < 8; fn++) {
    const name = `Parse${file}x${fn}`;
    lines.push(
      `// ${name} parses a number; it never panics and returns errors with context.`,
      `func ${name}(s string) (int, error) {`,
      '\tif strings.TrimSpace(s) == "" {',
      `\t\treturn 0, errEmpty${file}`,
      "\t}",
      "\tn, err := strconv.Atoi(s)",
      "\tif err != nil {",
      `\t\treturn 0, fmt.Errorf("parsing %q: %w", s, err)`,
      "\t}",
      "\treturn n * 2, nil",
      "}",
      "",
    );
  }
  // One planted finding per file keeps the reporting path in the measurement.
  lines.push(
    `func Drop${file}(s string) int {`,
    "\tn, _ := strconv.Atoi(s)",
    "\treturn n",
    "}",
    "",
  );
  return lines.join("\n");
}

function time(label, dir, args) {
  const start = process.hrtime.bigint();
  // A private cache folder, so that the first run really builds the checker; Go's own build
  // cache (which also lives under XDG_CACHE_HOME by default) stays where it is.
  const env = { ...process.env, XDG_CACHE_HOME: path.join(dir, ".cache"), GOCACHE: goCache };
  const done = spawnSync(path.join(dir, "scripts", "no-excuse"), args, {
    cwd: dir,
    encoding: "utf8",
    env,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (done.status !== 1 && done.status !== 0) {
    throw new Error(`${label}: exit ${String(done.status)}\n${done.stderr}`);
  }
  return seconds;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const dir = mkdtempSync(path.join(tmpdir(), "no-excuse-go-bench-"));
try {
  cpSync(path.join(repoRoot, "content", "no-excuse", "go", "files"), dir, { recursive: true });
  // The renderer turns the stored `_litclaude/` into `.litclaude/`.
  renameSync(path.join(dir, "_litclaude"), path.join(dir, ".litclaude"));
  writeFileSync(path.join(dir, "go.mod"), "module example.com/bench\n\ngo 1.26\n");
  for (let pkg = 0; pkg < PACKAGES; pkg++) {
    const pkgDir = path.join(dir, "internal", `p${String(pkg)}`);
    mkdirSync(pkgDir, { recursive: true });
    for (let file = 0; file < FILES_PER_PACKAGE; file++) {
      writeFileSync(path.join(pkgDir, `f${String(file)}.go`), goFile(pkg, file));
    }
  }
  const files = PACKAGES * FILES_PER_PACKAGE;
  const cold = time("cold", dir, ["internal"]);
  const warm = median([0, 1, 2].map(() => time("warm", dir, ["internal"])));
  const single = median([0, 1, 2, 3, 4].map(() => time("single", dir, ["internal/p7/f3.go"])));
  console.log(`go no-excuse: ${String(files)} files`);
  console.log(`  first run (builds the checker, lists export data): ${cold.toFixed(2)} s`);
  console.log(`  warm run: ${warm.toFixed(2)} s = ${Math.round(files / warm)} files/s`);
  console.log(`  one file (editing hook): ${(single * 1000).toFixed(0)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
