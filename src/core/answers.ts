import * as z from "zod/mini";
import { KINDS, LANGUAGES, PLUGIN_MODES, type CreateOptions } from "./options.js";
import type { ProjectFile } from "./files.js";

export const ANSWERS_PATH = ".litclaude/answers.json";

/** What `update` needs to render the same project again: the template, its version, the answers. */
export const answersSchema = z.strictObject({
  generator: z.literal("create-litclaude"),
  version: z.string(),
  template: z.string(),
  answers: z.strictObject({
    name: z.string(),
    lang: z.enum(LANGUAGES),
    kind: z.enum(KINDS),
    module: z.optional(z.string()),
    plugin: z.enum(PLUGIN_MODES),
    marketplace: z.optional(z.string()),
  }),
});

export type Answers = z.infer<typeof answersSchema>;

export function answersFile(options: CreateOptions, version: string): ProjectFile {
  const answers: Answers = answersSchema.parse({
    generator: "create-litclaude",
    version,
    template: `builtin:${options.lang}/${options.kind}`,
    answers: {
      name: options.name,
      lang: options.lang,
      kind: options.kind,
      module: options.module,
      plugin: options.plugin,
      marketplace: options.marketplace,
    },
  });
  return {
    path: ANSWERS_PATH,
    content: `${JSON.stringify(answers, null, 2)}\n`,
    executable: false,
  };
}
