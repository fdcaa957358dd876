import { join } from "node:path";
import type { CreateOptions } from "./options.js";
import { packageRoot } from "./package-root.js";
import type { Layer } from "./render.js";
import { readTemplateTree } from "./template-tree.js";

export const VENDORED_PLUGIN_DIR = ".claude/skills/litclaude";

/** The plugin's files for the chosen install mode, as a verbatim layer. */
export async function pluginLayer(options: CreateOptions): Promise<readonly Layer[]> {
  if (options.plugin !== "vendor") return [];
  const entries = await readTemplateTree(join(packageRoot(), "content", "plugin"));
  return [{ label: "content/plugin", into: VENDORED_PLUGIN_DIR, verbatim: true, entries }];
}
