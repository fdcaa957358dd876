import { usageError } from "../core/errors.js";
import type { ForgeKind, ForgeSpec } from "./spec.js";

type Env = Readonly<Record<string, string | undefined>>;

/**
 * TEST ONLY. Sends the `gh:`/`gitlab:`/`bitbucket:` traffic (ref listing, archive download, git
 * fallback) to a loopback server instead of the real host: `${value}/github/...`,
 * `${value}/gitlab/...`, `${value}/bitbucket/...`. Refused unless it names 127.0.0.1, ::1 or
 * localhost, so it can never send a template request, or a token, anywhere else.
 */
export const TEST_FORGE_ENV = "LITCLAUDE_TEST_FORGE_URL";

export const FORGE_HOSTS: Readonly<Record<ForgeKind, string>> = {
  gh: "github.com",
  gitlab: "gitlab.com",
  bitbucket: "bitbucket.org",
};

/** degit's name for each forge (its `site`), also the loopback server's first path segment. */
export const DEGIT_SITES: Readonly<Record<ForgeKind, string>> = {
  gh: "github",
  gitlab: "gitlab",
  bitbucket: "bitbucket",
};

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "[::1]", "localhost"]);

export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

function testForgeBase(env: Env): string | undefined {
  const value = env[TEST_FORGE_ENV];
  if (value === undefined || value === "") return undefined;
  const parsed = URL.canParse(value) ? new URL(value) : undefined;
  if (parsed === undefined || !isLoopback(parsed) || !/^https?:$/.test(parsed.protocol)) {
    throw usageError(
      `${TEST_FORGE_ENV}=${value}: only a loopback http(s) address is accepted`,
      `unset ${TEST_FORGE_ENV}; it exists for the tool's own tests`,
    );
  }
  return value.replace(/\/+$/, "");
}

/** `https://github.com`, or the loopback stand-in the tests name. */
export function forgeOrigin(kind: ForgeKind, env: Env): string {
  const base = testForgeBase(env);
  return base === undefined ? `https://${FORGE_HOSTS[kind]}` : `${base}/${DEGIT_SITES[kind]}`;
}

/** The URL git lists refs from and fetches from, for a forge source. */
export function forgeGitUrl(spec: ForgeSpec, env: Env): string {
  return `${forgeOrigin(spec.kind, env)}/${spec.owner}/${spec.repo}.git`;
}

/** degit builds its download URLs on the real host; under the test variable they go to loopback. */
export function redirectForTest(url: string, env: Env): string {
  const base = testForgeBase(env);
  if (base === undefined) return url;
  for (const kind of ["gh", "gitlab", "bitbucket"] as const) {
    const real = `https://${FORGE_HOSTS[kind]}/`;
    if (url.startsWith(real)) return `${base}/${DEGIT_SITES[kind]}/${url.slice(real.length)}`;
  }
  return url;
}
