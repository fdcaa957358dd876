import { isAbsolute, resolve } from "node:path";
import { usageError } from "../core/errors.js";
import { folderExists } from "../core/fs-probe.js";
import { runGit } from "./git-run.js";
import { parseRefListing } from "./refs.js";
import type { FetchOptions, FetchedTemplate, TemplateRefs } from "./types.js";

async function localFolder(path: string, options: FetchOptions): Promise<string> {
  const dir = isAbsolute(path) ? path : resolve(options.cwd, path);
  if (!(await folderExists(dir))) {
    throw usageError(
      `--template ${path}: no such folder (${dir})`,
      "pass a folder holding litclaude.template.json, gh:org/repo[/subdir][#ref], or a git URL",
    );
  }
  return dir;
}

/** A local folder is used where it is; when it is inside a git checkout, its HEAD is recorded. */
export async function fetchLocal(path: string, options: FetchOptions): Promise<FetchedTemplate> {
  const dir = await localFolder(path, options);
  const head = await runGit(["rev-parse", "--verify", "--quiet", "HEAD"], {
    cwd: dir,
    env: options.env,
    signal: options.signal,
  });
  const commit = head.ok ? head.stdout.trim() : "";
  return {
    dir,
    kind: "local",
    source: dir,
    ref: undefined,
    commit: commit === "" ? undefined : commit,
    subdir: undefined,
    fromCache: false,
  };
}

/** The branches and tags of the checkout a local folder is in (none when it is not in one). */
export async function localRefs(path: string, options: FetchOptions): Promise<TemplateRefs> {
  const dir = await localFolder(path, options);
  const context = { cwd: dir, env: options.env, signal: options.signal };
  const shown = await runGit(["show-ref", "--head", "--dereference"], context);
  const branch = await runGit(["symbolic-ref", "--quiet", "--short", "HEAD"], context);
  const listing = parseRefListing(shown.ok ? shown.stdout : "");
  return {
    kind: "local",
    source: dir,
    head: listing.head,
    defaultBranch: branch.ok ? branch.stdout.trim() : undefined,
    refs: listing.refs,
    fromCache: false,
  };
}
