import * as z from "zod/mini";

export const LANGUAGES = ["go", "python", "rust", "ts"] as const;
export const KINDS = ["cli", "lib"] as const;
export const PLUGIN_MODES = ["vendor", "marketplace", "none"] as const;

const nonEmpty = (what: string) => z.string().check(z.minLength(1, `${what} is empty`));

/** Everything `createProject` needs, after flags and prompts; validated before anything runs. */
export const createOptionsSchema = z.strictObject({
  targetDir: nonEmpty("the project directory"),
  name: nonEmpty("the project name"),
  lang: z.enum(LANGUAGES),
  kind: z.enum(KINDS),
  module: z.optional(nonEmpty("the module path")),
  plugin: z.enum(PLUGIN_MODES),
  marketplace: z.optional(nonEmpty("the marketplace source")),
  git: z.boolean(),
  install: z.boolean(),
  verify: z.boolean(),
  dryRun: z.boolean(),
  force: z.boolean(),
  packageManager: z.enum(["npm", "pnpm", "yarn", "bun"]),
});

export type CreateOptions = z.infer<typeof createOptionsSchema>;
export type Language = CreateOptions["lang"];
export type Kind = CreateOptions["kind"];
export type PluginMode = CreateOptions["plugin"];
