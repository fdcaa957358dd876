import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Output } from "../../src/cli/output.js";

export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cli(
  argv: readonly string[],
  cwd: string,
  signal?: AbortSignal,
): Promise<Ran> {
  let stdout = "";
  let stderr = "";
  const out: Output = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTTY: false,
  };
  const code = await main({
    argv,
    cwd,
    env: { CI: "true" },
    stdinIsTTY: false,
    out,
    signal: signal ?? new AbortController().signal,
  });
  return { code, stdout, stderr };
}

/** Every file under dir with its content, so a test can tell that nothing changed. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  const pairs = await Promise.all(
    files.map(async (entry) => {
      const path = join(entry.parentPath, entry.name);
      return [path, await readFile(path, "utf8")] as const;
    }),
  );
  return new Map(pairs);
}

let base: string | undefined;

/** A project made by create (no git, no install) in a fresh folder of this test run. */
export async function freshProject(lang: string, kind = "cli"): Promise<string> {
  base ??= await mkdtemp(join(tmpdir(), "litclaude-gen-"));
  const parent = await mkdtemp(join(base, `${lang}-`));
  const made = await cli(
    ["app", "--lang", lang, "--kind", kind, "--yes", "--no-git", "--no-install"],
    parent,
  );
  expect(made.code, made.stderr).toBe(0);
  return join(parent, "app");
}
