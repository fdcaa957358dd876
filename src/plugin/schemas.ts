import * as z from "zod/mini";

const nonEmpty = () => z.string().check(z.minLength(1));

/** Plugin and marketplace names: lowercase words joined by single dashes. */
const kebabName = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, "use lowercase kebab-case"));
const semver = z
  .string()
  .check(z.regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, "use a semver version"));
const httpsUrl = z.url({ protocol: /^https$/ });

const person = z.strictObject({
  name: nonEmpty(),
  email: z.optional(z.email()),
  url: z.optional(httpsUrl),
});

/** `.claude-plugin/plugin.json` as we write it: every field the issue asks for is required. */
export const pluginManifestSchema = z.strictObject({
  name: kebabName,
  version: semver,
  description: nonEmpty(),
  author: person,
  homepage: httpsUrl,
  repository: z.optional(httpsUrl),
  license: nonEmpty(),
  keywords: z.optional(z.array(nonEmpty())),
});

/** A plugin entry's source inside a marketplace: a path relative to the marketplace root. */
const relativeSource = z
  .string()
  .check(z.regex(/^\.\/\S*$/, 'a relative plugin source starts with "./"'));

export const marketplaceManifestSchema = z.strictObject({
  name: kebabName,
  owner: person,
  description: z.optional(nonEmpty()),
  plugins: z
    .array(
      z.strictObject({
        name: kebabName,
        source: relativeSource,
        description: nonEmpty(),
        version: semver,
        license: z.optional(nonEmpty()),
        homepage: z.optional(httpsUrl),
      }),
    )
    .check(z.minLength(1)),
});

/** Where Claude Code fetches a marketplace from (`extraKnownMarketplaces.<name>.source`). */
export const marketplaceSourceSchema = z.discriminatedUnion("source", [
  z.strictObject({
    source: z.literal("github"),
    repo: z.string().check(z.regex(/^[\w.-]+\/[\w.-]+$/, "use owner/repo")),
    ref: z.optional(nonEmpty()),
  }),
  z.strictObject({
    source: z.literal("git"),
    url: nonEmpty(),
    ref: z.optional(nonEmpty()),
  }),
  z.strictObject({ source: z.literal("url"), url: httpsUrl }),
  z.strictObject({ source: z.literal("directory"), path: nonEmpty() }),
  z.strictObject({ source: z.literal("npm"), package: nonEmpty() }),
]);

export type MarketplaceSource = z.infer<typeof marketplaceSourceSchema>;

/**
 * The part of `.claude/settings.json` that we write. Loose: the user's other settings pass
 * through untouched.
 */
export const claudeSettingsSchema = z.looseObject({
  extraKnownMarketplaces: z.optional(
    z.record(kebabName, z.strictObject({ source: marketplaceSourceSchema })),
  ),
  enabledPlugins: z.optional(
    z.record(z.string().check(z.regex(/^[a-z0-9-]+@[\w.-]+$/)), z.boolean()),
  ),
});

export type ClaudeSettings = z.infer<typeof claudeSettingsSchema>;

/** One line per problem: where in the document, and what is wrong there. */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .map(
      (issue) => `${issue.path.length === 0 ? "(root)" : issue.path.join(".")}: ${issue.message}`,
    )
    .join("; ");
}
