import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { parseReport, type Report } from "./json-report.js";

// The checker runs where it is stored. It loads typescript from the project it lives in, here
// this repository, whose node_modules pins the same typescript 6.0.3 as the TS template; so
// fixtures need no node_modules of their own.
export const checker = fileURLToPath(
  new URL("../../content/no-excuse/ts/files/scripts/no-excuse", import.meta.url),
);
export const fixtures = fileURLToPath(new URL("./ts/fixtures", import.meta.url));
export const filesTree = fileURLToPath(
  new URL("../../content/no-excuse/ts/files", import.meta.url),
);
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface Outcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function check(
  args: readonly string[],
  cwd = fixtures,
  env: NodeJS.ProcessEnv = {},
): Outcome {
  const done = spawnSync(checker, args, { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  return { status: done.status, stdout: done.stdout, stderr: done.stderr };
}

export function checkJson(args: readonly string[], cwd = fixtures): Report {
  const outcome = check([...args, "--json"], cwd);
  expect(outcome.stderr).toBe("");
  return parseReport(outcome.stdout);
}

export function tempTree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "no-excuse-ts-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}
