// Preloaded with `node --import` in front of the real bin: slows the writes of a run and names
// each one on stderr, so a test can send a signal at a chosen moment of the write phase. The bin
// itself has no test switch; this stands in for a slow disk.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import process from "node:process";
import { setTimeout as sleep } from "node:timers/promises";

const delayMs = Number(process.env["SLOW_FS_MS"] ?? "30");
const pause = new Int32Array(new SharedArrayBuffer(4));

function announce(what, path) {
  fs.writeSync(2, `slow-fs: ${what} ${String(path)}\n`);
}

function ours(path) {
  return String(path).includes("litclaude");
}

const writeFileSync = fs.writeFileSync;
fs.writeFileSync = function slowWriteFileSync(path, ...rest) {
  if (ours(path)) {
    announce("write", path);
    Atomics.wait(pause, 0, 0, delayMs);
  }
  return writeFileSync.call(this, path, ...rest);
};

const { writeFile, rename } = fs.promises;
fs.promises.writeFile = async function slowWriteFile(path, ...rest) {
  announce("write", path);
  await sleep(delayMs);
  return writeFile.call(this, path, ...rest);
};
fs.promises.rename = async function slowRename(from, to) {
  announce("rename", `${String(from)} -> ${String(to)}`);
  await sleep(delayMs);
  return rename.call(this, from, to);
};
syncBuiltinESMExports();
