import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { tempDir } from "./support.js";

/** A folder of stand-in commands to put first on PATH, and the log of how they were called. */
export interface Shims {
  readonly path: string;
  /** The calls so far, one `<cwd> <args...>` line each, prefixed by the command's name. */
  readonly calls: () => Promise<string[]>;
  /** PATH with the shims first, for a child's environment. */
  readonly env: Readonly<Record<string, string>>;
}

/**
 * Writes executable stand-ins for `commands` (e.g. a package manager): each logs its call, prints
 * `output` and exits with `exitCode`, so a test can see what the tool ran and how it copes.
 */
export async function makeShims(
  commands: readonly string[],
  behaviour: { readonly exitCode: number; readonly output: string },
): Promise<Shims> {
  const dir = await tempDir("litclaude-shims-");
  const log = join(dir, "calls.log");
  for (const command of commands) {
    const script = [
      "#!/bin/sh",
      `printf '%s %s %s\\n' ${command} "$PWD" "$*" >> '${log}'`,
      `printf '%s\\n' '${behaviour.output}'`,
      `exit ${String(behaviour.exitCode)}`,
      "",
    ].join("\n");
    await writeFile(join(dir, command), script, { mode: 0o755 });
  }
  return {
    path: dir,
    calls: async () =>
      (await readFile(log, "utf8").catch(() => "")).split("\n").filter((line) => line !== ""),
    env: { PATH: `${dir}:${process.env["PATH"] ?? ""}` },
  };
}
