import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { optOutCases } from "../no-excuse/go-gate-cases.js";
import { enableWireOverride, mainWithVersion, realCode } from "../no-excuse/go-real-code.js";
import { expectGateFailsAt, expectGateGreen, plant, run, runGate, scaffold } from "./support.js";

// A cold machine builds the pinned golangci-lint during install; later runs come from Go's caches.
const SCAFFOLD_TIMEOUT = 600_000;
const GATE_TIMEOUT = 300_000;

describe("go cli project written in and opted out of", () => {
  let dir = "";

  beforeAll(async () => {
    ({ dir } = await scaffold("go", "cli"));
  }, SCAFFOLD_TIMEOUT);

  it(
    "is green with each rule's one documented opt-out, red without its reason",
    async () => {
      const greet = (file: string): string => join("internal", "greet", file);
      for (const c of optOutCases)
        await plant(dir, greet(c.file), c.code.replace("OPTOUT", c.optOut));
      try {
        await expectGateGreen(dir);
        for (const c of optOutCases) {
          const content = c.code.replace("OPTOUT", c.withoutReason);
          await expectGateFailsAt(dir, {
            path: greet(c.file),
            content,
            step: c.step,
            reason: c.reason,
          });
        }
      } finally {
        for (const c of optOutCases) await rm(join(dir, greet(c.file)));
      }
    },
    GATE_TIMEOUT * 2,
  );

  it(
    "accepts real code: a deferred Close, a file from the command line, heap.Interface, -ldflags -X, a snake_case API",
    async () => {
      const main = join("cmd", "demo-cli", "main.go");
      const originalMain = await readFile(join(dir, main), "utf8");
      const originalConfig = await readFile(join(dir, ".golangci.yml"), "utf8");
      for (const [file, code] of Object.entries(realCode)) await plant(dir, file, code);
      await plant(dir, main, mainWithVersion("example.com/demo-cli"));
      await plant(dir, ".golangci.yml", enableWireOverride);
      try {
        await expectGateGreen(dir);
        const build = await run(
          "go",
          [
            "run",
            "-ldflags",
            "-X main.version=v1.2.3 -X main.commit=abc",
            "./cmd/demo-cli",
            "-version",
          ],
          dir,
        );
        expect(build.stdout).toBe("v1.2.3 abc\n");
      } finally {
        for (const file of Object.keys(realCode)) await rm(join(dir, file));
        await plant(dir, main, originalMain);
        await plant(dir, ".golangci.yml", originalConfig);
      }
    },
    GATE_TIMEOUT,
  );

  it(
    "reuses cached test results locally (no -shuffle outside CI), keeping -race",
    async () => {
      const local = { CI: "" };
      const first = await run(join(dir, "scripts", "check"), [], dir, local);
      expect(first.exitCode, first.output).toBe(0);
      const second = await run(join(dir, "scripts", "check"), [], dir, local);
      expect(second.exitCode, second.output).toBe(0);
      expect(second.output).toMatch(/^ok\s+example\.com\/demo-cli\/internal\/greet\s+\(cached\)$/m);
      const ci = await runGate(dir);
      expect(ci.output).not.toContain("(cached)");
      const script = await readFile(join(dir, "scripts", "check"), "utf8");
      expect(script).toContain("go test -race ./...");
    },
    GATE_TIMEOUT,
  );
});
