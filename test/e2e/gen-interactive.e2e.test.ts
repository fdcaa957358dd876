import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, REPO_ROOT, run, runBin, tempDir } from "./support.js";

const DRIVER = join(REPO_ROOT, "test", "e2e", "pty", "drive.py");

async function goProject(): Promise<string> {
  const parent = await tempDir();
  const made = await runBin(["app", "--lang", "go", "--yes", "--no-install", "--no-git"], parent);
  expect(made.exitCode, made.output).toBe(0);
  return join(parent, "app");
}

function drive(
  steps: readonly (readonly [string, string])[],
  cwd: string,
  args: readonly string[],
) {
  return run(
    "python3",
    [DRIVER, JSON.stringify(steps), "--", process.execPath, BIN, "gen", ...args],
    cwd,
    { CI: "" },
  );
}

describe("gen in a terminal", () => {
  it("asks for the name the flags left open and prints the non-interactive equivalent", async () => {
    const dir = await goProject();
    const result = await drive([["name (lowercase", "parser\r"]], dir, ["module", "--dry-run"]);
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain("create    internal/parser/parser.go");
    expect(result.output).toContain(
      "To do the same without prompts:\r\n  npx create-litclaude gen module parser --dry-run",
    );
    expect(await readdir(join(dir, "internal"))).not.toContain("parser");
  });

  it("Ctrl-C at the question exits 130 and writes nothing", async () => {
    const dir = await goProject();
    const result = await drive([["name (lowercase", "\u0003"]], dir, ["module"]);
    expect(result.exitCode, result.output).toBe(130);
    expect(await readdir(join(dir, "internal"))).not.toContain("parser");
  });
});
