import * as z from "zod/mini";
import { KINDS, LANGUAGES } from "../core/options.js";

/** The file at a team template's root that says what it is. */
export const MANIFEST_FILE = "litclaude.template.json";

/** The JSON Schema `template init` copies beside the manifest, for editor completion offline. */
export const SCHEMA_COPY = "litclaude.template.schema.json";

/**
 * Variables every built-in file renders with (any language): a question may not reuse one, or
 * a team file would see a different value than the baseline's files do.
 */
export const RESERVED_IDS: readonly string[] = [
  "name",
  "description",
  "lang",
  "kind",
  "isCli",
  "isLib",
  "year",
  "toolVersion",
  "nodeVersion",
  "module",
  "goPackage",
  "binName",
  "goVersion",
  "distName",
  "importName",
  "pythonVersion",
  "crateName",
  "crateIdent",
  "rustVersion",
  "packageName",
  "packageManager",
  "packageManagerRun",
];

const text = (what: string) => z.string().check(z.minLength(1, `${what} is empty`));
const id = z
  .string()
  .check(z.regex(/^[A-Za-z][A-Za-z0-9_]*$/, "an id is a letter, then letters, digits or _"));
const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** `{ "db": "postgres" }` or `{ "db": ["postgres", "mysql"] }`: every listed answer must match. */
const when = z.record(id, z.union([scalar, z.array(scalar)]));

const says = (description: string) => z.describe(description);

const common = {
  id: id.check(says("the answer's name: a variable in rendered files, a key of --answer")),
  message: z.optional(text("message").check(says("what the prompt asks"))),
  help: z.optional(z.string().check(says("a longer explanation"))),
  when: z.optional(
    when.check(
      says('ask only when earlier answers match: {"db": "pg"} or {"db": ["pg", "mysql"]}'),
    ),
  ),
};

const stringQuestion = z.strictObject({
  ...common,
  type: z.literal("string"),
  pattern: z.optional(text("pattern").check(says("a regular expression the answer must match"))),
  default: z.optional(z.string()),
});

const choiceQuestion = z.strictObject({
  ...common,
  type: z.literal("choice"),
  choices: z.array(text("a choice")).check(z.minLength(1, "a choice question needs choices")),
  default: z.optional(z.string()),
});

const booleanQuestion = z.strictObject({
  ...common,
  type: z.literal("boolean"),
  default: z.optional(z.boolean()),
});

const numberQuestion = z.strictObject({
  ...common,
  type: z.literal("number"),
  integer: z.optional(z.boolean()),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  default: z.optional(z.number()),
});

export const questionSchema = z.discriminatedUnion("type", [
  stringQuestion,
  choiceQuestion,
  booleanQuestion,
  numberQuestion,
]);

const glob = text("a glob");

const taskSchema = z.strictObject({
  name: text("name"),
  /** The command and its arguments, run with no shell in the new project's folder. */
  run: z
    .array(text("a word"))
    .check(z.minLength(1, "run needs a command"), says("the command and its arguments; no shell")),
});

export const manifestSchema = z.strictObject({
  $schema: z.optional(z.string().check(says("this file's JSON Schema, for editor completion"))),
  name: text("name").check(says("the template's name, shown in summaries and recorded")),
  description: z.optional(z.string().check(says("one line on what the template is for"))),
  /** The template's own version, recorded in .litclaude/answers.json. */
  version: z.optional(text("version").check(says("recorded in .litclaude/answers.json"))),
  extends: z
    .union([
      z.literal("none"),
      z.strictObject({ lang: z.enum(LANGUAGES), kind: z.optional(z.enum(KINDS)) }),
    ])
    .check(says("the built-in language and kind the files land over")),
  questions: z.optional(
    z
      .array(questionSchema)
      .check(says("asked in a terminal, else taken from --answer or defaults")),
  ),
  files: z.optional(
    z.strictObject({
      include: z.optional(z.array(glob).check(says("globs of files to take (default: all)"))),
      exclude: z.optional(z.array(glob).check(says("globs of files to leave out"))),
      render: z.optional(
        z.array(glob).check(says("globs of files rendered with handlebars, besides *.hbs")),
      ),
    }),
  ),
  tasks: z.optional(
    z.array(taskSchema).check(says("run after install, only with --trust or consent")),
  ),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type Question = z.infer<typeof questionSchema>;
export type TemplateTask = z.infer<typeof taskSchema>;
export type AnswerValue = string | number | boolean;
