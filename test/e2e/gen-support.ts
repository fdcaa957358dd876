import { expect } from "vitest";
import { runBin, type RunResult } from "./support.js";

/** Runs `create-litclaude gen ...` in a project and expects it to succeed. */
export async function gen(dir: string, args: readonly string[]): Promise<RunResult> {
  const result = await runBin(["gen", ...args], dir);
  expect(result.exitCode, result.output).toBe(0);
  return result;
}
