import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["test/**/*.test.ts"],
    pool: "forks",
    // Vitest's default on two cores is one worker, so every file would wait for the last. The
    // end-to-end files mostly wait on child processes (installs, gates), so three overlap well.
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 600_000,
    // CI also keeps a machine-readable report, from which .ci/run prints its closing tally.
    reporters: process.env["CI"] === "true" ? ["default", "json"] : ["default"],
    outputFile: { json: ".tmp/vitest-report.json" },
  },
});
