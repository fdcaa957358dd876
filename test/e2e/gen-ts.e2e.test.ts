import { beforeAll, describe, expect, it } from "vitest";
import { gen } from "./gen-support.js";
import { expectGateGreen, run, scaffold } from "./support.js";

const SCAFFOLD_TIMEOUT = 300_000;
const GATE_TIMEOUT = 180_000;

describe("gen in a TypeScript cli project", () => {
  let dir = "";
  beforeAll(async () => {
    ({ dir } = await scaffold("ts", "cli"));
  }, SCAFFOLD_TIMEOUT);

  it(
    "keeps the gate green after module, two commands and test, and the commands run",
    async () => {
      await gen(dir, ["module", "price-list"]);
      await gen(dir, ["command", "sync-all"]);
      await gen(dir, ["command", "export-report-with-a-rather-long-name"]);
      await gen(dir, ["test", "result"]);
      await expectGateGreen(dir);
      await run("npx", ["tsc", "-p", "tsconfig.build.json"], dir);
      const ran = await run("node", ["dist/cli.js", "sync-all", "x"], dir);
      expect(ran.stdout).toBe("sync-all: x\n");
    },
    GATE_TIMEOUT,
  );
});
