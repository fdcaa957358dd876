import { beforeAll, describe, expect, it } from "vitest";
import { gen } from "./gen-support.js";
import { expectGateGreen, plant, run, scaffold } from "./support.js";

const SCAFFOLD_TIMEOUT = 300_000;
const GATE_TIMEOUT = 180_000;

describe("gen in a Python cli project", () => {
  let dir = "";
  beforeAll(async () => {
    ({ dir } = await scaffold("python", "cli"));
  }, SCAFFOLD_TIMEOUT);

  it(
    "keeps the gate green after module, two commands, script and test, and they run",
    async () => {
      await gen(dir, ["module", "price-list"]);
      await gen(dir, ["command", "sync-all"]);
      await gen(dir, ["command", "alpha"]);
      await gen(dir, ["script", "tidy-up"]);
      await plant(dir, "src/demo_cli/limits.py", '"""Limits."""\n\nMAX_ITEMS = 3\n');
      await gen(dir, ["test", "limits"]);
      await expectGateGreen(dir);
      const command = await run("uv", ["run", "--quiet", "demo-cli", "sync-all", "x"], dir);
      expect(command.stdout).toBe("sync-all: x\n");
      const script = await run("uv", ["run", "--quiet", "--script", "tools/tidy_up.py", "a"], dir);
      expect(script.stdout).toBe("a\n");
    },
    GATE_TIMEOUT,
  );
});
