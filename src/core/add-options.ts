import * as z from "zod/mini";
import { KINDS, LANGUAGES, PLUGIN_MODES } from "./options.js";

const nonEmpty = (what: string) => z.string().check(z.minLength(1, `${what} is empty`));

/** Everything `addLanguage` needs; validated before anything runs. */
export const addOptionsSchema = z.strictObject({
  /** The repository's root folder (absolute). */
  repoDir: nonEmpty("the repository folder"),
  lang: z.enum(LANGUAGES),
  /** Posix path of the language's folder relative to the root; "." for the root itself. */
  dir: nonEmpty("--dir"),
  kind: z.enum(KINDS),
  name: z.optional(nonEmpty("the project name")),
  module: z.optional(nonEmpty("the module path")),
  plugin: z.enum(PLUGIN_MODES),
  marketplace: z.optional(nonEmpty("the marketplace source")),
  dryRun: z.boolean(),
  force: z.boolean(),
  allowDirty: z.boolean(),
});

export type AddOptions = z.infer<typeof addOptionsSchema>;
