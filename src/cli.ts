#!/usr/bin/env node
import { main } from "./cli/main.js";
import { processOutput } from "./cli/output.js";
import { STOP_SIGNALS, isStopSignal } from "./core/errors.js";

// SIGINT, SIGTERM and SIGHUP all stop the run through one abort: the files are either rolled back
// or complete, the running task is stopped, and the report still prints. The listeners stay for
// the whole run: a once-listener would leave execa's exit hook alone on a second signal, and that
// hook re-raises it, killing the process before the report.
const controller = new AbortController();
for (const name of Object.keys(STOP_SIGNALS)) {
  process.on(name, (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted && isStopSignal(signal)) controller.abort(signal);
  });
}

process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdinIsTTY: process.stdin.isTTY,
  out: processOutput,
  signal: controller.signal,
});
