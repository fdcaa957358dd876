import { z } from "zod";

/** Plugin and marketplace names: lowercase words joined by single dashes. */
const kebabName = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, "use lowercase kebab-case");
const semver = z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, "use a semver version");
const httpsUrl = z.url({ protocol: /^https$/ });

const person = z.strictObject({
  name: z.string().min(1),
  email: z.email().optional(),
  url: httpsUrl.optional(),
});

/** `.claude-plugin/plugin.json` as we write it: every field the issue asks for is required. */
export const pluginManifestSchema = z.strictObject({
  name: kebabName,
  version: semver,
  description: z.string().min(1),
  author: person,
  homepage: httpsUrl,
  repository: httpsUrl.optional(),
  license: z.string().min(1),
  keywords: z.array(z.string().min(1)).optional(),
});

/** A plugin entry's source inside a marketplace: a path relative to the marketplace root. */
const relativeSource = z.string().regex(/^\.\/\S*$/, 'a relative plugin source starts with "./"');

export const marketplaceManifestSchema = z.strictObject({
  name: kebabName,
  owner: person,
  description: z.string().min(1).optional(),
  plugins: z
    .array(
      z.strictObject({
        name: kebabName,
        source: relativeSource,
        description: z.string().min(1),
        version: semver,
        license: z.string().min(1).optional(),
        homepage: httpsUrl.optional(),
      }),
    )
    .min(1),
});

/** Where Claude Code fetches a marketplace from (`extraKnownMarketplaces.<name>.source`). */
export const marketplaceSourceSchema = z.discriminatedUnion("source", [
  z.strictObject({
    source: z.literal("github"),
    repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, "use owner/repo"),
    ref: z.string().min(1).optional(),
  }),
  z.strictObject({
    source: z.literal("git"),
    url: z.string().min(1),
    ref: z.string().min(1).optional(),
  }),
  z.strictObject({ source: z.literal("url"), url: httpsUrl }),
  z.strictObject({ source: z.literal("directory"), path: z.string().min(1) }),
  z.strictObject({ source: z.literal("npm"), package: z.string().min(1) }),
]);

export type MarketplaceSource = z.infer<typeof marketplaceSourceSchema>;

/**
 * The part of `.claude/settings.json` that we write. Loose: the user's other settings pass
 * through untouched.
 */
export const claudeSettingsSchema = z.looseObject({
  extraKnownMarketplaces: z
    .record(kebabName, z.strictObject({ source: marketplaceSourceSchema }))
    .optional(),
  enabledPlugins: z.record(z.string().regex(/^[a-z0-9-]+@[\w.-]+$/), z.boolean()).optional(),
});

export type ClaudeSettings = z.infer<typeof claudeSettingsSchema>;
