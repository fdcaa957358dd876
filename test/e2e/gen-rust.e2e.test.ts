import { beforeAll, describe, expect, it } from "vitest";
import { gen } from "./gen-support.js";
import { expectGateGreen, run, scaffold } from "./support.js";

const SCAFFOLD_TIMEOUT = 300_000;
const GATE_TIMEOUT = 600_000;

describe("gen in a Rust cli project", () => {
  let dir = "";
  beforeAll(async () => {
    ({ dir } = await scaffold("rust", "cli"));
  }, SCAFFOLD_TIMEOUT);

  it(
    "keeps the gate green after two modules and two commands, and the commands run",
    async () => {
      await gen(dir, ["module", "price-list"]);
      await gen(dir, ["module", "alpha"]);
      await gen(dir, ["command", "sync-all"]);
      await gen(dir, ["command", "beta"]);
      await expectGateGreen(dir);
      const ran = await run("cargo", ["run", "--quiet", "--", "sync-all", "x"], dir);
      expect(ran.stdout).toBe("sync-all: x\n");
    },
    GATE_TIMEOUT,
  );
});
