import { parseArgs } from "node:util";
import { usageError } from "../core/errors.js";

export interface Flags {
  readonly positionals: readonly string[];
  readonly lang: string | undefined;
  readonly kind: string | undefined;
  readonly name: string | undefined;
  readonly module: string | undefined;
  readonly plugin: string | undefined;
  readonly marketplace: string | undefined;
  readonly git: boolean | undefined;
  readonly install: boolean | undefined;
  readonly verify: boolean;
  readonly yes: boolean;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly force: boolean;
  readonly recover: boolean;
  readonly dir: string | undefined;
  readonly allowDirty: boolean;
  /** Team template flags (create and add). */
  readonly template: string | undefined;
  readonly answer: readonly string[];
  readonly answersFile: string | undefined;
  readonly trust: boolean;
  readonly offline: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

const OPTIONS = {
  lang: { type: "string" },
  kind: { type: "string" },
  name: { type: "string" },
  module: { type: "string" },
  plugin: { type: "string" },
  marketplace: { type: "string" },
  git: { type: "boolean" },
  install: { type: "boolean" },
  verify: { type: "boolean" },
  yes: { type: "boolean", short: "y" },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
  force: { type: "boolean" },
  recover: { type: "boolean" },
  dir: { type: "string" },
  "allow-dirty": { type: "boolean" },
  template: { type: "string" },
  answer: { type: "string", multiple: true },
  "answers-file": { type: "string" },
  trust: { type: "boolean" },
  offline: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

const NEGATABLE = new Set(["git", "install"]);

/** Value flags that may be given more than once. */
const REPEATABLE = new Set(["answer"]);

function parseError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown !== null) {
    return usageError(
      `unknown flag ${unknown[1] ?? ""}`,
      "run create-litclaude --help for the flags",
    );
  }
  return usageError(
    message.replace(/\. To specify.*$/s, ""),
    "run create-litclaude --help for the flags",
  );
}

/** A value flag takes one value: a second one, or an empty one, is a mistake to point out. */
function checkValue(name: string, value: string, earlier: Map<string, string>): void {
  const first = REPEATABLE.has(name) ? undefined : earlier.get(name);
  if (first !== undefined) {
    throw usageError(`--${name} is given twice (${first}, then ${value})`, `keep one --${name}`);
  }
  if (value.trim() === "") {
    throw usageError(`--${name} is empty`, `give --${name} a value, or leave it out`);
  }
  earlier.set(name, value);
}

/**
 * Parses argv strictly: an unknown flag, a missing, empty or repeated value, or `--git --no-git`
 * is a usage error.
 */
export function parseFlags(argv: readonly string[]): Flags {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      allowNegative: true,
      strict: true,
      tokens: true,
    });
  } catch (error: unknown) {
    throw parseError(error);
  }
  const seen = new Map<string, Set<boolean>>();
  const values = new Map<string, string>();
  for (const token of parsed.tokens) {
    if (token.kind !== "option") continue;
    if (token.value !== undefined) checkValue(token.name, token.value, values);
    if (token.rawName.startsWith("--no-") && !NEGATABLE.has(token.name)) {
      throw usageError(
        `unknown flag ${token.rawName}`,
        "run create-litclaude --help for the flags",
      );
    }
    const polarity = seen.get(token.name) ?? new Set<boolean>();
    polarity.add(!token.rawName.startsWith("--no-"));
    seen.set(token.name, polarity);
    if (polarity.size > 1) {
      throw usageError(
        `conflicting flags --${token.name} and --no-${token.name}`,
        "keep one of them",
      );
    }
  }
  const v = parsed.values;
  return {
    positionals: parsed.positionals,
    lang: v.lang,
    kind: v.kind,
    name: v.name,
    module: v.module,
    plugin: v.plugin,
    marketplace: v.marketplace,
    git: v.git,
    install: v.install,
    verify: v.verify ?? false,
    yes: v.yes ?? false,
    dryRun: v["dry-run"] ?? false,
    json: v.json ?? false,
    force: v.force ?? false,
    recover: v.recover ?? false,
    dir: v.dir,
    allowDirty: v["allow-dirty"] ?? false,
    template: v.template,
    answer: v.answer ?? [],
    answersFile: v["answers-file"],
    trust: v.trust ?? false,
    offline: v.offline ?? false,
    help: v.help ?? false,
    version: v.version ?? false,
  };
}
