import { usageError } from "../core/errors.js";
import { checkRefName, checkSubdir } from "./spec-checks.js";

export type ForgeKind = "gh" | "gitlab" | "bitbucket";

/** A `gh:org/repo[/subdir][#ref]` source (and its gitlab:/bitbucket: cousins). */
export interface ForgeSpec {
  readonly kind: ForgeKind;
  readonly owner: string;
  readonly repo: string;
  readonly subdir: string | undefined;
  readonly ref: string | undefined;
  /** `gh:org/repo`: what names the repository, the key of its refs in the cache. */
  readonly repoId: string;
  /** `gh:org/repo/subdir`: the spec again without its ref, fit to record and fetch again. */
  readonly source: string;
}

/** A plain git URL (`https://`, `ssh://`, `git://`, `file://`, `git@host:path`), `//subdir` and `#ref` optional. */
export interface GitSpec {
  readonly kind: "git";
  /** The URL git is given: no subdir, no ref, never credentials. */
  readonly url: string;
  readonly subdir: string | undefined;
  readonly ref: string | undefined;
  readonly repoId: string;
  readonly source: string;
}

export interface LocalSpec {
  readonly kind: "local";
  readonly path: string;
}

export type TemplateSpec = ForgeSpec | GitSpec | LocalSpec;
export type RemoteSpec = ForgeSpec | GitSpec;

const FORGE_PREFIXES: readonly (readonly [string, ForgeKind])[] = [
  ["gh:", "gh"],
  ["github:", "gh"],
  ["gitlab:", "gitlab"],
  ["bitbucket:", "bitbucket"],
];
const URL_SCHEMES = ["https://", "http://", "ssh://", "git://", "file://"];
const SCP_LIKE = /^[\w.-]+@[\w.-]+:(?!\/\/)/;
const NAME = /^[\w.-]+$/;

const FORMS = "gh:org/repo[/subdir][#ref], gitlab:..., bitbucket:..., a git URL, or a folder";

function splitRef(
  spec: string,
  body: string,
): { readonly rest: string; readonly ref: string | undefined } {
  const hash = body.indexOf("#");
  if (hash === -1) return { rest: body, ref: undefined };
  const ref = body.slice(hash + 1);
  checkRefName(spec, ref);
  return { rest: body.slice(0, hash), ref };
}

function parseForge(spec: string, kind: ForgeKind, body: string): ForgeSpec {
  const { rest, ref } = splitRef(spec, body);
  const [owner = "", rawRepo = "", ...more] = rest.replace(/\/+$/, "").split("/");
  const repo = rawRepo.replace(/\.git$/, "");
  for (const name of [owner, repo]) {
    if (!NAME.test(name) || name === "." || name === "..") {
      throw usageError(
        `--template ${spec}: "${name}" is not an owner or repository name`,
        `write it as ${kind}:org/repo[/subdir][#ref]`,
      );
    }
  }
  const subdir = more.length === 0 ? undefined : checkSubdir(spec, more.join("/"));
  const repoId = `${kind}:${owner}/${repo}`;
  return {
    kind,
    owner,
    repo,
    subdir,
    ref,
    repoId,
    source: subdir === undefined ? repoId : `${repoId}/${subdir}`,
  };
}

/** Where the path of a URL starts: after `scheme://authority`, or after `host:` in scp form. */
function pathStart(url: string): number {
  const scheme = URL_SCHEMES.find((prefix) => url.toLowerCase().startsWith(prefix));
  if (scheme === undefined) return url.indexOf(":") + 1;
  const slash = url.indexOf("/", scheme.length);
  return slash === -1 ? url.length : slash;
}

function refuseCredentials(url: string): string {
  if (SCP_LIKE.test(url)) return url.replace(/\/+$/, "");
  // The value itself is not echoed: it may carry a password.
  if (!URL.canParse(url)) throw usageError("--template: not a valid URL", `pass ${FORMS}`);
  const parsed = new URL(url);
  const web = parsed.protocol === "https:" || parsed.protocol === "http:";
  if (parsed.password !== "" || (web && parsed.username !== "")) {
    throw usageError(
      `--template: the URL carries credentials; they would be recorded with the project`,
      "remove them from the URL and put the token in GIT_TOKEN (or GITHUB_TOKEN), or use your git credential helper",
    );
  }
  return parsed.href.replace(/\/+$/, "");
}

function parseGitUrl(spec: string): GitSpec {
  // Credentials first, before any message could quote the spec that carries them.
  refuseCredentials(spec.split("#")[0] ?? spec);
  const { rest, ref } = splitRef(spec, spec);
  const start = pathStart(rest);
  const split = rest.indexOf("//", start + 1);
  const rawUrl = split === -1 ? rest : rest.slice(0, split);
  const subdir = split === -1 ? undefined : checkSubdir(spec, rest.slice(split + 2));
  const url = refuseCredentials(rawUrl);
  return {
    kind: "git",
    url,
    subdir,
    ref,
    repoId: url,
    source: subdir === undefined ? url : `${url}//${subdir}`,
  };
}

/** Reads a `--template SRC`: which kind of source it is and its parts; a malformed one is a usage error. */
export function parseTemplateSpec(spec: string): TemplateSpec {
  if (spec.trim() === "") throw usageError("--template needs a value", `pass ${FORMS}`);
  for (const [prefix, kind] of FORGE_PREFIXES) {
    if (spec.toLowerCase().startsWith(prefix))
      return parseForge(spec, kind, spec.slice(prefix.length));
  }
  const lower = spec.toLowerCase();
  if (URL_SCHEMES.some((scheme) => lower.startsWith(scheme)) || SCP_LIKE.test(spec)) {
    return parseGitUrl(spec);
  }
  return { kind: "local", path: spec };
}
