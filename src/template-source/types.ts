/**
 * The contract between fetching a team template (src/template-source/) and using it
 * (src/template/: manifest, questions, layering). Fetching ends with a folder on disk and the
 * exact provenance to record in `.litclaude/answers.json`; nothing here reads the manifest.
 */
export type TemplateSourceKind = "local" | "git" | "gh" | "gitlab" | "bitbucket";

export interface FetchedTemplate {
  /** Where the template's root (the folder holding litclaude.template.json) is on disk. */
  readonly dir: string;
  readonly kind: TemplateSourceKind;
  /**
   * The source as the user wrote it, normalised, never carrying a token, without its `#ref` (that
   * is `ref`) but with its subfolder: `gh:org/repo/sub`, `https://host/repo.git//sub`, or the
   * absolute folder. `source + "#" + ref` (or a commit) fetches it again.
   */
  readonly source: string;
  /** The ref asked for (`#v2`), or undefined for the default branch or a local folder. */
  readonly ref: string | undefined;
  /** The full commit fetched; undefined only for a local folder that is not a git checkout. */
  readonly commit: string | undefined;
  /** The subfolder inside the repository (`gh:org/repo/sub`), or undefined. */
  readonly subdir: string | undefined;
  /** Whether the files came from the cache rather than the network. */
  readonly fromCache: boolean;
}

export interface FetchOptions {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Use only the cache; a miss is an error that names the fix. */
  readonly offline: boolean;
  readonly signal: AbortSignal;
}

/** A branch or tag of a template repository and the commit it points at (a tag peeled). */
export interface TemplateRef {
  readonly name: string;
  readonly kind: "branch" | "tag";
  readonly commit: string;
}

/** What `listTemplateRefs` found: every branch and tag, and where the default branch is. */
export interface TemplateRefs {
  readonly kind: TemplateSourceKind;
  /** As in FetchedTemplate: normalised, no ref, no token. */
  readonly source: string;
  /** The commit of the default branch (HEAD), when the repository has one. */
  readonly head: string | undefined;
  readonly defaultBranch: string | undefined;
  readonly refs: readonly TemplateRef[];
  /** Whether the listing is the one last seen online (`offline`), not a fresh one. */
  readonly fromCache: boolean;
}
