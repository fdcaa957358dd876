import "../core/zod-english.js";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import * as z from "zod/mini";
import { LitError } from "../core/errors.js";
import { jsonPath } from "./manifest.js";

/** The user's own settings for create-litclaude; today, which template sources they trust. */
export const userConfigSchema = z.strictObject({
  /** Source prefixes whose templates may run their post-create tasks without asking. */
  trustedSources: z.optional(
    z.array(z.string().check(z.minLength(1, "a trusted source is empty"))),
  ),
});

export type UserConfig = z.infer<typeof userConfigSchema>;

type Env = Readonly<Record<string, string | undefined>>;

/** `$XDG_CONFIG_HOME/create-litclaude/config.json`, or under `~/.config` without it. */
export function userConfigPath(env: Env): string {
  const xdg = env["XDG_CONFIG_HOME"];
  const base = xdg !== undefined && xdg !== "" ? xdg : join(env["HOME"] ?? homedir(), ".config");
  return join(base, "create-litclaude", "config.json");
}

export async function readUserConfig(env: Env): Promise<UserConfig> {
  const file = userConfigPath(env);
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error: unknown) {
    throw new LitError("usage", `the user config is not valid JSON: ${String(error)}`, {
      hint: "fix or remove it",
      location: { file },
    });
  }
  const parsed = userConfigSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new LitError(
    "usage",
    `the user config: ${jsonPath(issue?.path ?? [])}: ${issue?.message ?? "not a create-litclaude config"}`,
    { hint: 'it holds {"trustedSources": ["gh:my-org/"]}; fix or remove it', location: { file } },
  );
}

/** What `--trust` remembers for a source: the source without its `#ref`. */
export function trustPrefix(source: string): string {
  const hash = source.indexOf("#");
  return hash === -1 ? source : source.slice(0, hash);
}

/** A prefix covers a source when equal, or when the source goes on past a `/`, `#` or `:`. */
export function isTrusted(source: string, config: UserConfig): string | undefined {
  return (config.trustedSources ?? []).find((prefix) => {
    if (source === prefix) return true;
    if (!source.startsWith(prefix)) return false;
    const next = source.charAt(prefix.length);
    return /[/:#]$/.test(prefix) || next === "/" || next === "#";
  });
}

/** Adds the source's prefix to the trusted list, written whole (temp file, then rename). */
export async function rememberTrust(source: string, env: Env): Promise<string> {
  const config = await readUserConfig(env);
  const prefix = trustPrefix(source);
  if (isTrusted(source, config) !== undefined) return prefix;
  const next: UserConfig = {
    ...config,
    trustedSources: [...(config.trustedSources ?? []), prefix],
  };
  const file = userConfigPath(env);
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${String(process.pid)}.tmp`;
  await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
  return prefix;
}
