import { rename, writeFile } from "node:fs/promises";
import { LitError, cancelled } from "../core/errors.js";
import { tokenFor } from "./auth.js";
import { redirectForTest } from "./forge.js";

type Env = Readonly<Record<string, string | undefined>>;

const MAX_REDIRECTS = 5;

/** A download the server refused for a reason retrying another way would hide. */
export class FatalDownload extends Error {
  readonly error: LitError;
  constructor(error: LitError) {
    super(error.message);
    this.error = error;
  }
}

function rateLimited(response: Response): boolean {
  return (
    response.status === 429 ||
    (response.status === 403 && response.headers.get("x-ratelimit-remaining") === "0")
  );
}

function rateLimitError(source: string, response: Response): LitError {
  const reset = Number(response.headers.get("x-ratelimit-reset") ?? "");
  const when =
    Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : "";
  return new LitError(
    "failed",
    `${source}: the server refused the download: rate limit reached${when}`,
    {
      hint: "wait and run again; with GITHUB_TOKEN set, GitHub allows far more requests",
    },
  );
}

/**
 * The download function degit calls for an archive: the token goes only to the host degit
 * asked (redirects are followed by hand, and a redirect to another host gets no token), the
 * file appears only when complete, and an abort stops it.
 */
export function archiveDownloader(
  source: string,
  forgeIsGitHub: boolean,
  env: Env,
  signal: AbortSignal,
): (url: string, dest: string) => Promise<void> {
  return async (url, dest) => {
    let current = redirectForTest(url, env);
    const origin = new URL(current).origin;
    const token = tokenFor(current, forgeIsGitHub, env);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      const headers: Record<string, string> = { "user-agent": "create-litclaude" };
      if (token !== undefined && new URL(current).origin === origin)
        headers["authorization"] = `Bearer ${token.value}`;
      let response: Response;
      try {
        response = await fetch(current, { headers, redirect: "manual", signal });
      } catch (error: unknown) {
        if (signal.aborted) throw new FatalDownload(cancelled());
        throw error;
      }
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        current = new URL(location, current).href;
        continue;
      }
      if (!response.ok || (response.status >= 300 && response.status < 400)) {
        await response.body?.cancel();
        if (rateLimited(response)) throw new FatalDownload(rateLimitError(source, response));
        throw new Error(`HTTP ${String(response.status)} for the archive`);
      }
      const partial = `${dest}.partial`;
      await writeFile(partial, new Uint8Array(await response.arrayBuffer()));
      await rename(partial, dest);
      return;
    }
    throw new Error("too many redirects for the archive");
  };
}
