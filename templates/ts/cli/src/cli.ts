#!/usr/bin/env node
import { run } from "./lib/run.js";

const outcome = run(process.argv.slice(2));
if (outcome.ok) {
  process.stdout.write(`${outcome.value}\n`);
} else {
  process.stderr.write(`${outcome.error}\n`);
  process.exitCode = 2;
}
