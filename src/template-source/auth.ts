import { isLoopback } from "./forge.js";

type Env = Readonly<Record<string, string | undefined>>;

export type TokenVariable = "GITHUB_TOKEN" | "GIT_TOKEN";

/** A token from the environment, and which variable it came from (for error hints, never the value). */
export interface Token {
  readonly value: string;
  readonly variable: TokenVariable;
  /** The user name a forge expects beside a token in HTTP Basic auth. */
  readonly basicUser: string;
}

function basicUserFor(host: string): string {
  if (host === "gitlab.com" || host.startsWith("gitlab.")) return "oauth2";
  if (host === "bitbucket.org") return "x-token-auth";
  return "x-access-token";
}

function fromEnv(env: Env, variable: TokenVariable, host: string): Token | undefined {
  const value = env[variable]?.trim();
  return value === undefined || value === ""
    ? undefined
    : { value, variable, basicUser: basicUserFor(host) };
}

/**
 * The token to send to this URL, if any. Only over https (or plain http to this machine, which
 * the tests use); GITHUB_TOKEN only to GitHub (a `gh:` source, or github.com), GIT_TOKEN to the
 * host the user named. A URL git reaches over ssh or git:// gets none: its own credentials apply.
 */
export function tokenFor(url: string, forgeIsGitHub: boolean, env: Env): Token | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  const secure =
    parsed.protocol === "https:" || (parsed.protocol === "http:" && isLoopback(parsed));
  if (!secure) return undefined;
  const host = parsed.hostname;
  const github = forgeIsGitHub || host === "github.com";
  return (
    (github ? fromEnv(env, "GITHUB_TOKEN", host) : undefined) ?? fromEnv(env, "GIT_TOKEN", host)
  );
}

export function basicCredentials(token: Token): string {
  return Buffer.from(`${token.basicUser}:${token.value}`).toString("base64");
}

/**
 * The environment that makes git send the token as a header to that origin only, through
 * GIT_CONFIG_COUNT: nothing on the command line (where `ps` shows it), nothing in a config file.
 */
export function gitAuthEnv(
  url: string,
  token: Token | undefined,
  env: Env,
): Record<string, string> {
  if (token === undefined) return {};
  const origin = new URL(url).origin;
  const existing = Number.parseInt(env["GIT_CONFIG_COUNT"] ?? "0", 10);
  const index = Number.isSafeInteger(existing) && existing > 0 ? existing : 0;
  return {
    GIT_CONFIG_COUNT: String(index + 1),
    [`GIT_CONFIG_KEY_${String(index)}`]: `http.${origin}/.extraHeader`,
    [`GIT_CONFIG_VALUE_${String(index)}`]: `Authorization: Basic ${basicCredentials(token)}`,
  };
}

/** Every form in which a token could leak into text: the value and its Basic encoding. */
export function secretForms(token: Token | undefined): readonly string[] {
  return token === undefined ? [] : [token.value, basicCredentials(token)];
}

/** Replaces any secret in text before it reaches a message, a log or a file. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => result.split(secret).join("***"), text);
}
