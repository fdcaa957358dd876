import { tmpdir } from "node:os";
import { LitError } from "../core/errors.js";
import { gitAuthEnv, secretForms, tokenFor, type Token } from "./auth.js";
import { forgeGitUrl } from "./forge.js";
import { gitFailure } from "./git-errors.js";
import { runGit, type GitContext } from "./git-run.js";
import { parseRefListing, type RefListing } from "./refs.js";
import type { RemoteSpec } from "./spec.js";
import type { FetchOptions } from "./types.js";

/** A remote repository as git reaches it: its URL, the token for it, and the git context. */
export interface Remote {
  readonly spec: RemoteSpec;
  readonly url: string;
  readonly token: Token | undefined;
  readonly git: GitContext;
}

export function remoteOf(spec: RemoteSpec, options: FetchOptions): Remote {
  const url = spec.kind === "git" ? spec.url : forgeGitUrl(spec, options.env);
  const token = tokenFor(url, spec.kind === "gh", options.env);
  return {
    spec,
    url,
    token,
    git: {
      cwd: tmpdir(),
      env: options.env,
      signal: options.signal,
      extraEnv: gitAuthEnv(url, token, options.env),
      secrets: secretForms(token),
    },
  };
}

/** Every branch and tag the remote advertises, and HEAD; a refusal is an error naming the fix. */
export async function listRemoteRefs(remote: Remote): Promise<RefListing> {
  const result = await runGit(
    ["ls-remote", "--symref", "--end-of-options", remote.url],
    remote.git,
  );
  if (!result.ok) {
    const error = gitFailure(remote.spec.source, result.stderr, remote.token);
    const spec = remote.spec;
    if (spec.kind !== "gitlab" || spec.subdir === undefined) throw error;
    // gitlab:group/sub/project reads as project "sub" with a folder "project".
    throw new LitError("failed", error.message, {
      hint: `${error.hint ?? ""}; a project in a subgroup is written as a git URL: https://gitlab.com/${spec.owner}/${spec.repo}/${spec.subdir}.git`,
    });
  }
  return parseRefListing(result.stdout);
}
