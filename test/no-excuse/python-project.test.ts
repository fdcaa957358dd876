import { describe, expect, it } from "vitest";
import { expectGateGreen, failedStep, plant, runGate, scaffold } from "../e2e/support.js";

describe("no-excuse for Python: in a generated project", () => {
  // A mutable domain dataclass passes ruff and basedpyright; only the checker stops it.
  const planted = [
    '"""Planted."""',
    "",
    "from dataclasses import dataclass",
    "",
    "",
    "@dataclass",
    "class Entry:",
    '    """One booking."""',
    "",
    "    cents: int",
    "",
  ];

  it("fails the gate at no-excuse for a mutable dataclass, and an opt-out with a reason clears it", async () => {
    const { dir } = await scaffold("python", "lib");
    await plant(dir, "src/demo_lib/planted.py", planted.join("\n"));
    const failed = await runGate(dir);
    expect(failed.output).toContain("src/demo_lib/planted.py:6:2 frozen-dataclass");
    expect(failedStep(failed.output), failed.output).toBe("no-excuse");
    const excused = planted.map((line) =>
      line === "@dataclass"
        ? "@dataclass  # no-excuse-ok: frozen-dataclass -- the planted case is mutable on purpose"
        : line,
    );
    await plant(dir, "src/demo_lib/planted.py", excused.join("\n"));
    await expectGateGreen(dir);
  }, 240_000);
});
