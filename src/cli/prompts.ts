import type * as clackModule from "@clack/prompts";
import { basename } from "node:path";
import { LitError, cancelled } from "../core/errors.js";
import { languageModule } from "../lang/index.js";
import { LANGUAGES } from "../core/options.js";
import { assertTargetAccepts } from "../core/target.js";
import type { Flags } from "./args.js";
import { knownLanguage, parseLanguage } from "./lang-names.js";
import { dirMistake, targetPath } from "./project-dir.js";
import { assertModuleFits, type Answers } from "./resolve.js";

type Clack = typeof clackModule;

/** The language's own rule for a name, shown under the prompt while the user types. */
function nameProblem(lang: string, name: string): string | undefined {
  const id = knownLanguage(lang);
  if (id === undefined) return undefined;
  const result = languageModule(id).templateVars({ name, kind: "cli", module: undefined });
  if (result.ok) return undefined;
  const { rule, suggestion } = result.problem;
  return suggestion === undefined ? rule : `${rule} (try ${suggestion})`;
}

const LANGUAGE_LABELS: Readonly<Record<(typeof LANGUAGES)[number], string>> = {
  ts: "TypeScript",
  python: "Python",
  go: "Go",
  rust: "Rust",
};

/** Why a project cannot go into `dir` (a file, a project made already), as a usage error. */
async function assertUsableTarget(dir: string, cwd: string): Promise<void> {
  await assertTargetAccepts(targetPath(dir, cwd), dir);
}

/** Asks for the directory until the answer is one a project can go into. */
async function askDir(
  clack: Clack,
  check: (value: string | symbol) => string,
  cwd: string,
): Promise<string> {
  const dir = check(
    await clack.text({
      message: "Where should the project go?",
      placeholder: "my-app",
      defaultValue: "my-app",
      validate: (value) =>
        value === undefined || value === "" ? undefined : dirMistake(value)?.message,
    }),
  );
  try {
    await assertUsableTarget(dir, cwd);
    return dir;
  } catch (error: unknown) {
    if (!(error instanceof LitError) || error.kind !== "usage") throw error;
    clack.log.warn(`${error.message}: choose another folder`);
    return askDir(clack, check, cwd);
  }
}

/**
 * Asks, with @clack/prompts, only for what the flags left open; the directory is checked as soon
 * as it is known (a given one before any question). Ctrl-C is a cancellation.
 */
export async function askMissing(flags: Flags, cwd: string): Promise<Answers> {
  const given = flags.positionals[0];
  if (given !== undefined) await assertUsableTarget(given, cwd);
  const clack = await import("@clack/prompts");
  // The message is printed once, by main, like every other way a run ends.
  const stop = (): never => {
    throw cancelled();
  };
  const check = (value: string | symbol): string => (typeof value === "symbol" ? stop() : value);
  const confirmed = (value: boolean | symbol): boolean =>
    typeof value === "symbol" ? stop() : value;
  clack.intro("create-litclaude");
  const dir = given ?? (await askDir(clack, check, cwd));
  const lang =
    flags.lang ??
    check(
      await clack.select({
        message: "Language?",
        options: LANGUAGES.map((value) => ({ value, label: LANGUAGE_LABELS[value] })),
      }),
    );
  assertModuleFits(flags.module, parseLanguage(lang));
  const lastSegment = basename(targetPath(dir, cwd));
  const name =
    flags.name ??
    check(
      await clack.text({
        message: "Project name?",
        placeholder: lastSegment,
        defaultValue: lastSegment,
        validate: (value) =>
          nameProblem(lang, value === undefined || value === "" ? lastSegment : value),
      }),
    );
  const kind =
    flags.kind ??
    check(
      await clack.select({
        message: "Kind?",
        options: [
          { value: "cli", label: "Command-line tool" },
          { value: "lib", label: "Library" },
        ],
      }),
    );
  const git =
    flags.git ??
    confirmed(await clack.confirm({ message: "Create a git repository with a first commit?" }));
  const install =
    flags.install ?? confirmed(await clack.confirm({ message: "Install dependencies now?" }));
  return { dir, name, lang, kind, git, install };
}
