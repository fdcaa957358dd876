import type { ProjectFile } from "../core/files.js";
import { usageError } from "../core/errors.js";
import type { PluginMode } from "../core/options.js";
import {
  DEFAULT_MARKETPLACE,
  MARKETPLACE_NAME,
  PLUGIN_NAME,
  parseMarketplaceSource,
} from "./marketplace-source.js";
import { claudeSettingsSchema, describeIssues, pluginManifestSchema } from "./schemas.js";

export const PLUGIN_CONTENT_DIR = "content/plugin";
export const VENDOR_DIR = ".claude/skills/litclaude";
export const SETTINGS_PATH = ".claude/settings.json";
const MANIFEST_PATH = ".claude-plugin/plugin.json";

/** One file of a content folder (the shape `readTemplateTree` returns). */
export interface ContentEntry {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly executable: boolean;
}

/** Lists and reads every file below a folder of the package, given relative to its root. */
export type ReadContentTree = (relativeDir: string) => Promise<readonly ContentEntry[]>;

function checkManifest(entries: readonly ContentEntry[]): void {
  const manifest = entries.find((entry) => entry.path === MANIFEST_PATH);
  if (manifest === undefined) {
    throw new Error(`${PLUGIN_CONTENT_DIR}/${MANIFEST_PATH} is missing from the package`);
  }
  const parsed = pluginManifestSchema.safeParse(
    JSON.parse(new TextDecoder().decode(manifest.bytes)),
  );
  if (!parsed.success) {
    throw new Error(
      `${PLUGIN_CONTENT_DIR}/${MANIFEST_PATH} is invalid: ${describeIssues(parsed.error)}`,
    );
  }
}

async function vendorFiles(readContentTree: ReadContentTree): Promise<ProjectFile[]> {
  const entries = await readContentTree(PLUGIN_CONTENT_DIR);
  checkManifest(entries);
  return entries.map((entry) => ({
    path: `${VENDOR_DIR}/${entry.path}`,
    content: entry.bytes,
    executable: entry.executable,
  }));
}

function marketplaceFiles(marketplace: string | undefined): ProjectFile[] {
  const source = parseMarketplaceSource(marketplace ?? DEFAULT_MARKETPLACE);
  if (!source.ok) throw usageError(source.reason, "pass --marketplace with one of those forms");
  const settings = claudeSettingsSchema.parse({
    extraKnownMarketplaces: { [MARKETPLACE_NAME]: { source: source.source } },
    enabledPlugins: { [`${PLUGIN_NAME}@${MARKETPLACE_NAME}`]: true },
  });
  return [
    { path: SETTINGS_PATH, content: `${JSON.stringify(settings, null, 2)}\n`, executable: false },
  ];
}

/**
 * The files that install the litclaude plugin into a project: the whole plugin under
 * `.claude/skills/litclaude/` (vendor), a `.claude/settings.json` that declares the marketplace
 * and enables the plugin (marketplace; merged into an existing one at plan time), or nothing.
 */
export async function pluginFiles(
  mode: PluginMode,
  marketplaceSource: string | undefined,
  readContentTree: ReadContentTree,
): Promise<ProjectFile[]> {
  switch (mode) {
    case "vendor":
      return vendorFiles(readContentTree);
    case "marketplace":
      return marketplaceFiles(marketplaceSource);
    case "none":
      return [];
  }
}
