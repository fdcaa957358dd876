import { cancelled } from "../core/errors.js";
import { languageModule } from "../lang/index.js";
import { LANGUAGES } from "../core/options.js";
import type { Flags } from "./args.js";
import type { Answers } from "./resolve.js";

/** The language's own rule for a name, shown under the prompt while the user types. */
function nameProblem(lang: string, name: string): string | undefined {
  const id = LANGUAGES.find((candidate) => candidate === lang);
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

/** Asks, with @clack/prompts, only for what the flags left open. Ctrl-C is a cancellation. */
export async function askMissing(flags: Flags): Promise<Answers> {
  const clack = await import("@clack/prompts");
  // The message is printed once, by main, like every other way a run ends.
  const stop = (): never => {
    throw cancelled();
  };
  const check = (value: string | symbol): string => (typeof value === "symbol" ? stop() : value);
  const confirmed = (value: boolean | symbol): boolean =>
    typeof value === "symbol" ? stop() : value;
  clack.intro("create-litclaude");
  const dir =
    flags.positionals[0] ??
    check(
      await clack.text({
        message: "Where should the project go?",
        placeholder: "my-app",
        defaultValue: "my-app",
        validate: (value) =>
          value !== undefined && /\s$|^\s/.test(value)
            ? "no leading or trailing spaces"
            : undefined,
      }),
    );
  const lang =
    flags.lang ??
    check(
      await clack.select({
        message: "Language?",
        options: LANGUAGES.map((value) => ({ value, label: LANGUAGE_LABELS[value] })),
      }),
    );
  const lastSegment =
    dir
      .split("/")
      .filter((part) => part !== "")
      .at(-1) ?? dir;
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
