import * as z from "zod/mini";
import { KINDS, LANGUAGES, PLUGIN_MODES, type CreateOptions } from "./options.js";
import type { ProjectFile } from "./files.js";

export const ANSWERS_PATH = ".litclaude/answers.json";

const projectAnswersSchema = z.strictObject({
  name: z.string(),
  lang: z.enum(LANGUAGES),
  kind: z.enum(KINDS),
  module: z.optional(z.string()),
  plugin: z.enum(PLUGIN_MODES),
  marketplace: z.optional(z.string()),
  /** TypeScript: the package manager the workflow and scripts were written for, for update. */
  packageManager: z.optional(z.enum(["npm", "pnpm", "yarn", "bun"])),
});

/**
 * One language `add` brought into the repo: where, which kind, by which version, the answers
 * that render it again, and the regions of shared files that are the tool's (`AGENTS.md#ts`,
 * `.github/workflows/ci.yml#jobs.ts`, a whole file when there is no `#`).
 */
export const languageEntrySchema = z.strictObject({
  lang: z.enum(LANGUAGES),
  dir: z.string(),
  kind: z.enum(KINDS),
  version: z.string(),
  answers: projectAnswersSchema,
  regions: z.array(z.string()),
});

export type LanguageEntry = z.infer<typeof languageEntrySchema>;

/** A weakening the team settled on: `doctor` reports it as accepted, not as drift. */
export const acceptedSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  file: z.string().check(z.minLength(1)),
  reason: z.string().check(z.minLength(1, "an accepted weakening needs its reason")),
});

export type Accepted = z.infer<typeof acceptedSchema>;

/**
 * A team template applied (`--template`): where it came from, exactly (the commit, when there is
 * one), the folder it went into, its answers and manifest version, and the files it wrote.
 */
export const templateRecordSchema = z.strictObject({
  name: z.string(),
  source: z.string(),
  kind: z.enum(["local", "git", "gh", "gitlab", "bitbucket"]),
  ref: z.optional(z.string()),
  commit: z.optional(z.string()),
  subdir: z.optional(z.string()),
  version: z.optional(z.string()),
  dir: z.string(),
  answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  files: z.array(z.string()),
  /** The project's name, for a template that stands alone (no baseline answers hold it). */
  projectName: z.optional(z.string()),
});

export type TemplateRecord = z.infer<typeof templateRecordSchema>;

/**
 * What `update` needs to render the same project again: the template, its version, the answers
 * (written by `create`), and each language `add` brought in. Files `create` wrote stay valid.
 */
export const answersSchema = z.strictObject({
  generator: z.literal("create-litclaude"),
  version: z.string(),
  template: z.optional(z.string()),
  answers: z.optional(projectAnswersSchema),
  languages: z.optional(z.array(languageEntrySchema)),
  /** The migrations `update` has run here, by id, so each runs once. */
  migrations: z.optional(z.array(z.string())),
  accepted: z.optional(z.array(acceptedSchema)),
  templates: z.optional(z.array(templateRecordSchema)),
});

export type Answers = z.infer<typeof answersSchema>;

export function answersFile(
  options: CreateOptions,
  version: string,
  templates?: readonly TemplateRecord[],
): ProjectFile {
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
      packageManager: options.lang === "ts" ? options.packageManager : undefined,
    },
    templates,
  });
  return {
    path: ANSWERS_PATH,
    content: `${JSON.stringify(answers, null, 2)}\n`,
    executable: false,
  };
}
