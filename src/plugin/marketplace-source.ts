import { marketplaceSourceSchema, type MarketplaceSource } from "./schemas.js";

/** The name our marketplace declares in `.claude-plugin/marketplace.json`. */
export const MARKETPLACE_NAME = "litclaude";
export const PLUGIN_NAME = "litclaude";
/** The published package is itself a marketplace. */
export const DEFAULT_MARKETPLACE = "npm:create-litclaude";

export type SourceResult =
  | { readonly ok: true; readonly source: MarketplaceSource }
  | { readonly ok: false; readonly reason: string };

const FORMS =
  "use npm:<package>, github:<owner>/<repo>[#ref], a git URL ending in .git[#ref], " +
  "an https URL of a marketplace.json, or a directory path starting with ./, ../ or /";

function splitRef(text: string): { readonly base: string; readonly ref: string | undefined } {
  const hash = text.lastIndexOf("#");
  return hash < 0
    ? { base: text, ref: undefined }
    : { base: text.slice(0, hash), ref: text.slice(hash + 1) };
}

function withRef<T extends object>(source: T, ref: string | undefined): T | (T & { ref: string }) {
  return ref === undefined || ref === "" ? source : { ...source, ref };
}

function candidate(text: string): unknown {
  if (text.startsWith("npm:")) return { source: "npm", package: text.slice(4) };
  if (text.startsWith("github:")) {
    const { base, ref } = splitRef(text.slice(7));
    return withRef({ source: "github", repo: base }, ref);
  }
  if (/^(\.{1,2}(\/|$)|\/)/.test(text)) return { source: "directory", path: text };
  if (/^https:\/\/\S+\.json$/.test(text)) return { source: "url", url: text };
  const { base, ref } = splitRef(text);
  if (/^(https:\/\/|ssh:\/\/|git@)\S+\.git$/.test(base))
    return withRef({ source: "git", url: base }, ref);
  if (/^[\w.-]+\/[\w.-]+$/.test(base)) return withRef({ source: "github", repo: base }, ref);
  return undefined;
}

/** Reads a `--marketplace` value into the source object `.claude/settings.json` takes. */
export function parseMarketplaceSource(text: string): SourceResult {
  const parsed = marketplaceSourceSchema.safeParse(candidate(text.trim()));
  if (parsed.success) return { ok: true, source: parsed.data };
  return { ok: false, reason: `cannot read --marketplace "${text}": ${FORMS}` };
}
