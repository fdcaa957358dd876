import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  expectGateFailsAt,
  expectGateGreen,
  failedStep,
  plant,
  REPO_ROOT,
  run,
  runGate,
  scaffold,
} from "../e2e/support.js";
import { anyWithExcuses, optOutCases, staleOptOut } from "./python-opt-outs.js";

const GATE_TIMEOUT = 120_000;
const PACKAGE = "src/demo_lib";
const IDIOMS = join(REPO_ROOT, "test", "no-excuse", "python", "idioms");

describe("no-excuse for Python: one comment per exception, in a generated project", () => {
  let dir = "";

  beforeAll(async () => {
    ({ dir } = await scaffold("python", "lib"));
  }, 300_000);

  it(
    "is green with every rule's violation planted beside its documented opt-out",
    async () => {
      for (const { file, excused } of optOutCases) await plant(dir, join(PACKAGE, file), excused);
      try {
        const gate = await expectGateGreen(dir);
        expect(gate.output).toContain(`${String(optOutCases.length + 4)} file(s) checked`);
      } finally {
        for (const { file } of optOutCases) await rm(join(dir, PACKAGE, file));
      }
    },
    GATE_TIMEOUT,
  );

  it.each(optOutCases)(
    "is red at $step for $rule when the opt-out has no reason",
    async ({ file, unexplained, step, reason }) => {
      await expectGateFailsAt(dir, {
        path: join(PACKAGE, file),
        content: unexplained,
        step,
        reason,
      });
    },
    GATE_TIMEOUT,
  );

  it(
    "reports an opt-out that no longer silences anything",
    async () => {
      const path = join(PACKAGE, "stale.py");
      await expectGateFailsAt(dir, {
        path,
        content: staleOptOut,
        step: "no-excuse",
        reason: "stale-opt-out",
      });
    },
    GATE_TIMEOUT,
  );

  it(
    "has no opt-out for Any: every excuse together still fails",
    async () => {
      await plant(dir, join(PACKAGE, "any.py"), anyWithExcuses);
      try {
        const gate = await runGate(dir);
        expect(failedStep(gate.output), gate.output).toBe("types");
        expect(gate.output).toContain("reportExplicitAny");
        const checker = await run(
          join(dir, "scripts", "no-excuse"),
          [join(PACKAGE, "any.py")],
          dir,
        );
        expect(checker.output).toContain("any.py:3:20 no-any");
        expect(checker.output).toContain("opt-out-needs-reason no-any has no opt-out");
        expect(checker.exitCode).toBe(1);
      } finally {
        await rm(join(dir, PACKAGE, "any.py"));
      }
    },
    GATE_TIMEOUT,
  );

  it(
    "accepts the Pydantic boundary the Python boundaries reference names as json.loads' alternative",
    async () => {
      const added = await run("uv", ["add", "--quiet", "pydantic>=2"], dir);
      expect(added.exitCode, added.output).toBe(0);
      for (const [target, source] of [
        [join(PACKAGE, "settings.py"), "settings.py"],
        ["tests/test_settings.py", "test_settings.py"],
      ] as const) {
        const text = await readFile(join(IDIOMS, source), "utf8");
        await plant(dir, target, text.replaceAll("IMPORT_NAME", "demo_lib"));
      }
      const gate = await expectGateGreen(dir);
      expect(gate.output).toMatch(/^\d+ passed/m);
    },
    GATE_TIMEOUT,
  );
});
