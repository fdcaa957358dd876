import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT, run } from "../e2e/support.js";

const TALLY = join(REPO_ROOT, ".ci", "tally.mjs");
const FLOOR = join(REPO_ROOT, ".ci", "test-floor");
// Inside the repo so a probe test file resolves vitest from its node_modules.
const scratchRoot = join(REPO_ROOT, ".tmp");
const scratches: string[] = [];

async function scratch(): Promise<string> {
  await mkdir(scratchRoot, { recursive: true });
  const dir = await mkdtemp(join(scratchRoot, "tally-"));
  scratches.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(scratches.map((dir) => rm(dir, { recursive: true, force: true })));
});

function tally(report: string, floor: string): ReturnType<typeof run> {
  return run(process.execPath, [TALLY, report, floor], REPO_ROOT);
}

async function files(
  report: object,
  floor: string,
): Promise<{ readonly report: string; readonly floor: string }> {
  const dir = await scratch();
  await writeFile(join(dir, "report.json"), JSON.stringify(report));
  await writeFile(join(dir, "floor"), floor);
  return { report: join(dir, "report.json"), floor: join(dir, "floor") };
}

function passingReport(passed: number): object {
  const assertionResults = Array.from({ length: passed }, (_, index) => ({
    title: `t${String(index)}`,
    status: "passed",
  }));
  return {
    numPassedTests: passed,
    numFailedTests: 0,
    numPendingTests: 0,
    numTodoTests: 0,
    numFailedTestSuites: 0,
    testResults: [{ name: "a.test.ts", assertionResults }],
  };
}

describe("the CI tally (.ci/tally.mjs)", () => {
  it("fails a real vitest run whose tests were all skipped or todo", async () => {
    const dir = await scratch();
    await writeFile(
      join(dir, "only-skips.test.ts"),
      'import { it } from "vitest";\nit.skip("skipped", () => {});\nit.todo("later");\n',
    );
    const report = join(dir, "report.json");
    const vitest = join(REPO_ROOT, "node_modules", ".bin", "vitest");
    const probe = await run(
      vitest,
      ["run", "--root", dir, "--reporter=json", "--outputFile", report],
      dir,
    );
    expect(probe.exitCode, probe.output).toBe(0);
    await writeFile(join(dir, "floor"), "1\n");
    const result = await tally(report, join(dir, "floor"));
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain("0 passed, 0 failed, 1 skipped, 1 todo");
    expect(result.stderr).toContain("skipped: ");
    expect(result.stderr).toContain("todo: ");
  });

  it("fails when fewer tests passed than the floor", async () => {
    const { report, floor } = await files(passingReport(4), "5\n");
    const result = await tally(report, floor);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("only 4 tests passed, below the floor of 5");
  });

  it("passes at the floor and asks for a raise above it", async () => {
    const at = await files(passingReport(5), "5\n");
    expect((await tally(at.report, at.floor)).exitCode).toBe(0);
    const above = await files(passingReport(7), "5\n");
    const result = await tally(above.report, above.floor);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("raise");
    expect(result.stdout).toContain("to 7");
  });

  it("fails when the report is missing or the floor is not a number", async () => {
    const { report, floor } = await files(passingReport(1), "many\n");
    expect((await tally(report, floor)).exitCode).toBe(2);
    const missing = await tally(join(await scratch(), "none.json"), FLOOR);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain("cannot read the test report");
  });

  it("is run by .ci/run against the committed floor, a positive whole number", async () => {
    expect(await readFile(join(REPO_ROOT, ".ci", "run"), "utf8")).toContain(
      "node .ci/tally.mjs .tmp/vitest-report.json .ci/test-floor",
    );
    expect((await readFile(FLOOR, "utf8")).trim()).toMatch(/^[1-9][0-9]*$/);
  });
});

describe(".ci/run", () => {
  it.each(["1", ""])(
    "refuses to start with UPDATE_GOLDEN=%j, before installing anything",
    async (value) => {
      // A stand-in npm on PATH: if the refusal ever went missing, nothing would be installed.
      const bin = await scratch();
      await writeFile(join(bin, "npm"), '#!/bin/sh\necho "npm $*"\nexit 97\n', { mode: 0o755 });
      const result = await run(join(REPO_ROOT, ".ci", "run"), [], REPO_ROOT, {
        UPDATE_GOLDEN: value,
        PATH: `${bin}:${process.env["PATH"] ?? ""}`,
      });
      expect(result.stderr).toContain("UPDATE_GOLDEN is set");
      expect(result.exitCode).toBe(2);
      expect(result.output).not.toContain("npm ci");
    },
  );
});
