// Times the Rust no-excuse checker over a generated crate of 2,000 files (100 modules of 20), and
// on one file, the way the editing hook calls it. Run: node bench/no-excuse-rust.mjs
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const MODULES = 100;
const FILES_PER_MODULE = 20;
const repoRoot = fileURLToPath(new URL("..", import.meta.url));

function rustFile(file) {
  const lines = [`//! Generated for the benchmark.`, "", "use std::num::ParseIntError;", ""];
  for (let fn = 0; fn < 8; fn++) {
    lines.push(
      `/// Parses a number; a raw string r#"x.unwrap()"# and 'c' chars must not confuse the lexer.`,
      `pub fn parse_${String(file)}_${String(fn)}<'a>(s: &'a str) -> Result<u32, ParseIntError> {`,
      `    let trimmed: &'a str = s.trim(); // .unwrap() in a comment`,
      `    let _quote = '"';`,
      `    let _raw = r#"panic!("not code")"#;`,
      "    let n = trimmed.parse::<u32>()?;",
      "    Ok(u32::from(n > 3) + n)",
      "}",
      "",
    );
  }
  // One planted finding per file keeps the reporting path in the measurement.
  lines.push(
    "pub fn planted(x: Option<u32>) -> u32 {",
    "    x.unwrap()",
    "}",
    "",
    "#[cfg(test)]",
    "mod tests {",
    "    #[test]",
    "    fn parses() {",
    `    assert_eq!(super::parse_${String(file)}_0("1").unwrap(), 1);`,
    "    }",
    "}",
    "",
  );
  return lines.join("\n");
}

function time(label, dir, args) {
  const start = process.hrtime.bigint();
  const done = spawnSync(path.join(dir, "scripts", "no-excuse"), args, {
    cwd: dir,
    encoding: "utf8",
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

const dir = mkdtempSync(path.join(tmpdir(), "no-excuse-rust-bench-"));
try {
  cpSync(path.join(repoRoot, "content", "no-excuse", "rust", "files"), dir, { recursive: true });
  for (let mod = 0; mod < MODULES; mod++) {
    const modDir = path.join(dir, "src", `m${String(mod)}`);
    mkdirSync(modDir, { recursive: true });
    for (let file = 0; file < FILES_PER_MODULE; file++) {
      writeFileSync(path.join(modDir, `f${String(file)}.rs`), rustFile(file));
    }
  }
  const files = MODULES * FILES_PER_MODULE;
  const cold = time("cold", dir, ["src"]);
  const warm = median([0, 1, 2].map(() => time("warm", dir, ["src"])));
  const single = median([0, 1, 2, 3, 4].map(() => time("single", dir, ["src/m7/f3.rs"])));
  console.log(`rust no-excuse: ${String(files)} files`);
  console.log(`  first run (builds the checker): ${cold.toFixed(2)} s`);
  console.log(`  warm run: ${warm.toFixed(2)} s = ${Math.round(files / warm)} files/s`);
  console.log(`  one file (editing hook): ${(single * 1000).toFixed(0)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
