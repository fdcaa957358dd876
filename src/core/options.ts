import { z } from "zod";

export const LANGUAGES = ["go", "python", "rust", "ts"] as const;
export const KINDS = ["cli", "lib"] as const;
export const PLUGIN_MODES = ["vendor", "marketplace", "none"] as const;

/** Everything `createProject` needs, after flags and prompts; validated before anything runs. */
export const createOptionsSchema = z
  .object({
    targetDir: z.string().min(1),
    name: z.string().min(1, "the project name is empty"),
    lang: z.enum(LANGUAGES),
    kind: z.enum(KINDS),
    module: z.string().min(1).optional(),
    plugin: z.enum(PLUGIN_MODES),
    marketplace: z.string().min(1).optional(),
    git: z.boolean(),
    install: z.boolean(),
    verify: z.boolean(),
    dryRun: z.boolean(),
    force: z.boolean(),
    packageManager: z.enum(["npm", "pnpm", "yarn", "bun"]),
  })
  .strict();

export type CreateOptions = z.infer<typeof createOptionsSchema>;
export type Language = CreateOptions["lang"];
export type Kind = CreateOptions["kind"];
export type PluginMode = CreateOptions["plugin"];
