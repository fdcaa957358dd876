import { fetchRemote, remoteRefs } from "./fetch-remote.js";
import { fetchLocal, localRefs } from "./local.js";
import { parseTemplateSpec } from "./spec.js";
import type { FetchOptions, FetchedTemplate, TemplateRefs } from "./types.js";

export type {
  FetchOptions,
  FetchedTemplate,
  TemplateRef,
  TemplateRefs,
  TemplateSourceKind,
} from "./types.js";
export { parseTemplateSpec } from "./spec.js";
export { newestTag } from "./newest-tag.js";
export { templateCacheRoot, CACHE_DIR_ENV } from "./cache.js";
export { TEST_FORGE_ENV } from "./forge.js";

/**
 * Brings the template a `--template SRC` names onto disk: a local folder where it is; a git URL
 * (shallow, with the system git) or a `gh:`/`gitlab:`/`bitbucket:` source (with degit) into the
 * cache at an exact commit, which is returned. A malformed SRC is a usage error (exit 2); a
 * refusal, a missing ref or a network failure is a failed one (exit 1) with a hint.
 */
export async function fetchTemplate(spec: string, options: FetchOptions): Promise<FetchedTemplate> {
  const parsed = parseTemplateSpec(spec);
  return parsed.kind === "local" ? fetchLocal(parsed.path, options) : fetchRemote(parsed, options);
}

/** The branches and tags of a template source, each with its commit (for `update`: the newest tag). */
export async function listTemplateRefs(spec: string, options: FetchOptions): Promise<TemplateRefs> {
  const parsed = parseTemplateSpec(spec);
  return parsed.kind === "local" ? localRefs(parsed.path, options) : remoteRefs(parsed, options);
}
