import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { LitError } from "../../../src/core/errors.js";
import type { FetchOptions } from "../../../src/template-source/index.js";
import type { Forge } from "../../e2e/template-fetch/forge.js";

export { TOKEN, fakeSsh, gitShim, startForge, type Forge } from "../../e2e/template-fetch/forge.js";

let caches = 0;

/** Options for one fetch: a fresh cache folder unless one is given, the test forge, no tokens. */
export async function fetchOptions(
  forge: Forge,
  extra: {
    readonly cache?: string;
    readonly offline?: boolean;
    readonly env?: Record<string, string>;
    readonly signal?: AbortSignal;
  } = {},
): Promise<FetchOptions & { readonly cache: string }> {
  caches += 1;
  const cache = extra.cache ?? join(forge.home, `cache-${String(caches)}`);
  await mkdir(cache, { recursive: true });
  return {
    cache,
    cwd: forge.home,
    env: {
      ...forge.env,
      LITCLAUDE_CACHE_DIR: cache,
      LITCLAUDE_TEST_FORGE_URL: forge.http.url,
      ...extra.env,
    },
    offline: extra.offline ?? false,
    signal: extra.signal ?? new AbortController().signal,
  };
}

/** The LitError a promise rejects with (a test failure if it resolves or throws anything else). */
export async function rejection(promise: Promise<unknown>): Promise<LitError> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof LitError) return error;
    throw error;
  }
  throw new Error("expected a LitError, the call succeeded");
}
