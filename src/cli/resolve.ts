import { basename } from "node:path";
import { usageError } from "../core/errors.js";
import { shellLine } from "../core/shell-words.js";
import {
  KINDS,
  LANGUAGES,
  PLUGIN_MODES,
  type CreateOptions,
  type Language,
} from "../core/options.js";
import type { PackageManager } from "../core/package-manager.js";
import type { Flags } from "./args.js";
import { parseLanguage } from "./lang-names.js";
import { dirMistake, targetPath } from "./project-dir.js";

/** The answers prompts may supply; flags win, prompts fill the gaps, defaults come last. */
export interface Answers {
  readonly dir?: string;
  readonly name?: string;
  readonly lang?: string;
  readonly kind?: string;
  readonly git?: boolean;
  readonly install?: boolean;
}

function oneOf<T extends string>(
  value: string,
  allowed: readonly T[],
  what: string,
  flag: string,
): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found !== undefined) return found;
  throw usageError(`unknown ${what} "${value}"`, `${flag} takes one of: ${allowed.join(", ")}`);
}

/** Flag combinations that cannot both hold, found before any prompt or file. */
export function assertNoConflicts(flags: Flags): void {
  if (flags.positionals.length > 1) {
    throw usageError(
      `expected one project directory, got ${String(flags.positionals.length)}: ${flags.positionals.join(" ")}`,
      "quote a path with spaces, and put flags after --lang etc.",
    );
  }
  if (
    flags.marketplace !== undefined &&
    flags.plugin !== undefined &&
    flags.plugin !== "marketplace"
  ) {
    throw usageError(
      `--marketplace only applies to --plugin marketplace, not --plugin ${flags.plugin}`,
      "drop one of the two",
    );
  }
  if (flags.dir !== undefined || flags.allowDirty) {
    throw usageError(
      `${flags.dir === undefined ? "--allow-dirty" : "--dir"} belongs to create-litclaude add`,
      "run create-litclaude add <lang> --dir PATH, or drop the flag",
    );
  }
  if (flags.dryRun && flags.verify) {
    throw usageError(
      "--dry-run writes nothing, so there is nothing for --verify to check",
      "drop one of the two",
    );
  }
  if (flags.verify && flags.install === false) {
    throw usageError(
      "--verify runs the gate, which needs the dependencies that --no-install skips",
      "drop one of the two",
    );
  }
  const dir = flags.positionals[0];
  if (dir !== undefined) {
    const mistake = dirMistake(dir);
    if (mistake !== undefined) throw mistake;
  }
  if (flags.lang !== undefined) assertModuleFits(flags.module, parseLanguage(flags.lang));
  if (flags.kind !== undefined) oneOf(flags.kind, KINDS, "kind", "--kind");
  if (flags.plugin !== undefined) oneOf(flags.plugin, PLUGIN_MODES, "plugin mode", "--plugin");
}

/** `--module` is a Go module path; with another language it would be silently ignored. */
export function assertModuleFits(module: string | undefined, lang: Language): void {
  if (module === undefined || lang === "go") return;
  throw usageError(
    `--module is a Go module path; it does not apply to --lang ${lang}`,
    "drop --module, or use --lang go",
  );
}

function defaultDir(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  return name.split("/").at(-1);
}

/** Turns flags plus answers into the options `createProject` takes. */
export function resolveCreateOptions(
  flags: Flags,
  answers: Answers,
  context: {
    readonly cwd: string;
    readonly packageManager: PackageManager;
    /** Where a leading `~` points; the user's home folder unless given. */
    readonly home?: string;
  },
): CreateOptions {
  const dir = flags.positionals[0] ?? answers.dir ?? defaultDir(flags.name);
  if (dir === undefined) {
    throw usageError(
      "missing the project directory",
      "pass it first, e.g. create-litclaude my-app --lang ts --yes",
    );
  }
  const lang = flags.lang ?? answers.lang;
  if (lang === undefined) {
    throw usageError("missing --lang", `pass --lang with one of: ${LANGUAGES.join(", ")}`);
  }
  const language = parseLanguage(lang);
  assertModuleFits(flags.module, language);
  const targetDir = targetPath(dir, context.cwd, context.home);
  const plugin = flags.plugin ?? (flags.marketplace === undefined ? "vendor" : "marketplace");
  return {
    targetDir,
    name: flags.name ?? answers.name ?? basename(targetDir),
    lang: language,
    kind: oneOf(flags.kind ?? answers.kind ?? "cli", KINDS, "kind", "--kind"),
    ...(flags.module === undefined ? {} : { module: flags.module }),
    plugin: oneOf(plugin, PLUGIN_MODES, "plugin mode", "--plugin"),
    ...(flags.marketplace === undefined ? {} : { marketplace: flags.marketplace }),
    git: flags.git ?? answers.git ?? true,
    install: flags.install ?? answers.install ?? true,
    verify: flags.verify,
    dryRun: flags.dryRun,
    force: flags.force,
    packageManager: context.packageManager,
  };
}

/** The one-line command that does the same without prompts. */
export function equivalentCommand(options: CreateOptions, dir: string): string {
  const words = ["npx", "create-litclaude", dir, "--lang", options.lang, "--kind", options.kind];
  if (basename(options.targetDir) !== options.name) words.push("--name", options.name);
  if (options.module !== undefined) words.push("--module", options.module);
  if (options.plugin !== "vendor") words.push("--plugin", options.plugin);
  if (options.marketplace !== undefined) words.push("--marketplace", options.marketplace);
  if (!options.git) words.push("--no-git");
  if (!options.install) words.push("--no-install");
  if (options.verify) words.push("--verify");
  words.push("--yes");
  return shellLine(words);
}
