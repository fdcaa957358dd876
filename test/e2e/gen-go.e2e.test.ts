import { beforeAll, describe, expect, it } from "vitest";
import { gen } from "./gen-support.js";
import { expectGateGreen, run, scaffold } from "./support.js";

const SCAFFOLD_TIMEOUT = 300_000;
const GATE_TIMEOUT = 300_000;

describe("gen in a Go cli project", () => {
  let dir = "";
  beforeAll(async () => {
    ({ dir } = await scaffold("go", "cli"));
  }, SCAFFOLD_TIMEOUT);

  it(
    "keeps the gate green after a module and two commands, and the commands run",
    async () => {
      await gen(dir, ["module", "price-list"]);
      await gen(dir, ["command", "sync-all"]);
      await gen(dir, ["command", "alpha"]);
      await expectGateGreen(dir);
      const ran = await run("go", ["run", "./cmd/demo-cli", "sync-all", "x"], dir);
      expect(ran.stdout).toBe("sync-all: x\n");
    },
    GATE_TIMEOUT,
  );
});
