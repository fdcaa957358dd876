import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { runBin, tempDir, type RunResult } from "./support.js";

/** Writes a team template (manifest and files) into `dir`. */
export async function writeTemplate(
  dir: string,
  manifest: unknown,
  files: Readonly<Record<string, string>>,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "litclaude.template.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/** A work folder with its own user config home, so trust never leaks between tests. */
export async function workspace(): Promise<{
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly bin: (args: readonly string[]) => Promise<RunResult>;
}> {
  const cwd = await tempDir("litclaude-tpl-e2e-");
  const env = { XDG_CONFIG_HOME: join(cwd, ".config-home") };
  return { cwd, env, bin: (args) => runBin(args, cwd, env) };
}

export async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, "utf8"));
}

/** The entries of a folder (names), or [] when it does not exist. */
export async function entries(dir: string): Promise<readonly string[]> {
  return readdir(dir).catch(() => []);
}

/** Runs `create --json` output through JSON.parse, keeping the raw result for messages. */
export function parsed(result: RunResult): Readonly<Record<string, unknown>> {
  const value: unknown = JSON.parse(result.stdout);
  if (typeof value !== "object" || value === null) throw new Error(result.output);
  return Object.fromEntries(Object.entries(value));
}
