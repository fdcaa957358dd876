import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["test/**/*.test.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 600_000,
    // CI also keeps a machine-readable report, from which .ci/run prints its closing tally.
    reporters: process.env["CI"] === "true" ? ["default", "json"] : ["default"],
    outputFile: { json: ".tmp/vitest-report.json" },
  },
});
