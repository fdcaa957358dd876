import { isAbsolute, resolve } from "node:path";
import { usageError } from "../core/errors.js";
import { folderExists } from "../core/fs-probe.js";
import type { FetchOptions, FetchedTemplate } from "./types.js";

export type { FetchOptions, FetchedTemplate } from "./types.js";

/**
 * Brings the template a `--template SRC` names onto disk. This first version knows local
 * folders; git URLs and `gh:`/`gitlab:`/`bitbucket:` sources come with the fetching work.
 */
export async function fetchTemplate(spec: string, options: FetchOptions): Promise<FetchedTemplate> {
  const dir = isAbsolute(spec) ? spec : resolve(options.cwd, spec);
  if (!(await folderExists(dir))) {
    throw usageError(
      `--template ${spec}: no such folder (${dir})`,
      "pass a folder holding litclaude.template.json, gh:org/repo[/subdir][#ref], or a git URL",
    );
  }
  return {
    dir,
    kind: "local",
    source: dir,
    ref: undefined,
    commit: undefined,
    subdir: undefined,
    fromCache: false,
  };
}
