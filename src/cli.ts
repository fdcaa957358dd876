#!/usr/bin/env node
import { main } from "./cli/main.js";
import { processOutput } from "./cli/output.js";

const controller = new AbortController();
process.once("SIGINT", () => {
  controller.abort();
});

process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdinIsTTY: process.stdin.isTTY,
  out: processOutput,
  signal: controller.signal,
});
