import { cancelled } from "../core/errors.js";
import { LANGUAGES } from "../core/options.js";
import type { AddResult } from "../core/add-language.js";
import type { Flags } from "./args.js";

export interface AddAnswers {
  readonly lang: string;
  readonly dir: string;
  readonly kind: string;
}

const LABELS: Readonly<Record<(typeof LANGUAGES)[number], string>> = {
  ts: "TypeScript",
  python: "Python",
  go: "Go",
  rust: "Rust",
};

function answered(value: string | symbol): string {
  if (typeof value === "symbol") throw cancelled();
  return value;
}

function agreed(value: boolean | symbol): boolean {
  if (typeof value === "symbol") throw cancelled();
  return value;
}

/** Asks, in a terminal, for the language, folder and kind the flags did not give. */
export async function askAddMissing(flags: Flags): Promise<AddAnswers> {
  const clack = await import("@clack/prompts");
  clack.intro("create-litclaude add");
  const lang =
    flags.positionals[1] ??
    answered(
      await clack.select({
        message: "Language to add?",
        options: LANGUAGES.map((value) => ({ value, label: LABELS[value] })),
      }),
    );
  const dir =
    flags.dir ??
    answered(
      await clack.text({
        message: "Folder for it (relative to the repository root)?",
        placeholder: ".",
        defaultValue: ".",
      }),
    );
  const kind =
    flags.kind ??
    answered(
      await clack.select({
        message: "Kind?",
        options: [
          { value: "lib", label: "Library" },
          { value: "cli", label: "Command-line tool" },
        ],
      }),
    );
  return { lang, dir, kind };
}

/** Shows what the plan would do, one count per action, and asks to go on. */
export async function confirmPlan(plan: AddResult): Promise<boolean> {
  const clack = await import("@clack/prompts");
  const counts = new Map<string, number>();
  for (const file of plan.files) counts.set(file.action, (counts.get(file.action) ?? 0) + 1);
  const summary = [...counts].map(([action, count]) => `${String(count)} ${action}`).join(", ");
  clack.note(
    plan.files
      .filter((file) => file.action === "merge" || file.action === "conflict")
      .map((file) => `${file.action}: ${file.path}`)
      .join("\n") || "only new files",
    `Plan: ${summary}`,
  );
  return agreed(await clack.confirm({ message: "Apply this plan?" }));
}
