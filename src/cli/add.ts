import { addLanguage, type AddResult } from "../core/add-language.js";
import { EXIT, cancelled, cancelledExitCode, usageError, type ExitCode } from "../core/errors.js";
import { shellLine } from "../core/shell-words.js";
import { KINDS, PLUGIN_MODES, type Kind, type PluginMode } from "../core/options.js";
import type { Flags } from "./args.js";
import type { CommandContext } from "./create.js";
import { parseLanguage } from "./lang-names.js";
import type { Output } from "./output.js";

function pick<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found !== undefined) return found;
  throw usageError(`unknown ${flag} "${value}"`, `${flag} takes one of: ${allowed.join(", ")}`);
}

function refuseCreateOnlyFlags(flags: Flags): void {
  const createOnly: readonly [boolean, string][] = [
    [flags.git !== undefined, "--git"],
    [flags.install !== undefined, "--install"],
    [flags.verify, "--verify"],
    [flags.lang !== undefined, "--lang"],
  ];
  const given = createOnly.find(([set]) => set);
  if (given !== undefined) {
    throw usageError(
      `${given[1]} does not apply to add`,
      "add takes the language as its argument: create-litclaude add <lang> [--dir PATH]",
    );
  }
}

function printResult(result: AddResult, out: Output): void {
  const where = result.dir === "." ? "the repository root" : result.dir;
  const changes = result.files.filter((file) => file.action !== "identical");
  if (!result.changed) {
    out.stdout(
      `Nothing to change: ${result.lang} in ${where} is already set up as add makes it.\n`,
    );
    return;
  }
  const conflicts = changes.filter((file) => file.action === "conflict");
  const shown = result.dryRun ? changes : conflicts;
  for (const file of shown) out.stdout(file.diff ?? "");
  for (const file of changes) out.stdout(`${file.action.padEnd(9)} ${file.path}\n`);
  if (conflicts.length > 0) {
    out.stderr(
      `error: ${String(conflicts.length)} file(s) differ from what add would write and are not ours to merge: ${conflicts.map((file) => file.path).join(", ")}\n` +
        "  fix: resolve them by hand, or pass --force to overwrite them (a .litclaude-backup copy of each is kept); nothing was written\n",
    );
    return;
  }
  if (result.dryRun) {
    out.stdout(`Dry run: ${String(changes.length)} file(s) would change; nothing was written.\n`);
    return;
  }
  out.stdout(`Added ${result.lang} in ${where} (${String(changes.length)} file(s) changed).\n`);
  if (result.backups.length > 0) out.stdout(`Backups kept: ${result.backups.join(", ")}\n`);
  out.stdout("Next: scripts/check\n");
}

/** `create-litclaude add <lang> [--dir PATH]`: flags in, the library does the work, report out. */
export async function runAdd(flags: Flags, context: CommandContext): Promise<ExitCode> {
  refuseCreateOnlyFlags(flags);
  if (flags.recover) {
    const { recoverTarget } = await import("../core/write-project.js");
    const recovered = await recoverTarget(context.cwd, ".");
    if (flags.json) {
      context.out.stdout(`${JSON.stringify({ ok: true, command: "add", recovered })}\n`);
    } else {
      context.out.stdout(
        recovered === undefined
          ? "Nothing to recover: no interrupted run left a journal here.\n"
          : `Restored ${String(recovered.restored.length)} files as they were before the interrupted run.\n`,
      );
    }
    return EXIT.ok;
  }
  const templating = await import("./template-use.js");
  const loaded = await templating.loadFlagTemplate(flags, context);
  const [, named, ...rest] = flags.positionals;
  const base =
    loaded === undefined
      ? undefined
      : templating.extendedBase(
          loaded,
          named === undefined ? undefined : parseLanguage(named),
          flags.kind,
        );
  const effective: Flags =
    base === undefined
      ? flags
      : {
          ...flags,
          positionals: [flags.positionals[0] ?? "add", base.lang, ...rest],
          kind: flags.kind ?? base.kind,
        };
  const asked = context.interactive
    ? await (await import("./add-prompts.js")).askAddMissing(effective)
    : undefined;
  const given = effective.positionals[1];
  const lang = given ?? asked?.lang;
  if (lang === undefined) {
    throw usageError(
      "missing the language to add",
      "e.g. create-litclaude add go --dir services/api",
    );
  }
  if (rest.length > 0) {
    throw usageError(`unexpected arguments: ${rest.join(" ")}`, "give the folder with --dir PATH");
  }
  const kind: Kind = pick(effective.kind ?? asked?.kind ?? "lib", KINDS, "--kind");
  const use =
    loaded === undefined ? undefined : await templating.templateUse(loaded, flags, context);
  const plugin: PluginMode = pick(
    flags.plugin ?? (flags.marketplace === undefined ? "vendor" : "marketplace"),
    PLUGIN_MODES,
    "--plugin",
  );
  const options = {
    repoDir: context.cwd,
    lang: parseLanguage(lang),
    dir: flags.dir ?? asked?.dir ?? ".",
    kind,
    ...(flags.name === undefined ? {} : { name: flags.name }),
    ...(flags.module === undefined ? {} : { module: flags.module }),
    plugin,
    ...(flags.marketplace === undefined ? {} : { marketplace: flags.marketplace }),
    dryRun: flags.dryRun,
    force: flags.force,
    allowDirty: flags.allowDirty,
  };
  if (asked !== undefined && !flags.dryRun) {
    const prompts = await import("./add-prompts.js");
    const plan = await addLanguage({ ...options, dryRun: true }, context.signal, use);
    if (plan.changed && !(await prompts.confirmPlan(plan))) throw cancelled();
  }
  const result = await addLanguage(options, context.signal, use);
  if (flags.json) context.out.stdout(`${JSON.stringify(result)}\n`);
  else {
    printResult(result, context.out);
    const { printTemplateSummary, printTemplateTasks } = await import("./template-report.js");
    printTemplateSummary(result.template, context.out);
    printTemplateTasks(result.tasks, context.out);
  }
  if (asked !== undefined) {
    const words = [
      "npx",
      "create-litclaude",
      "add",
      options.lang,
      "--dir",
      options.dir,
      "--kind",
      kind,
    ];
    if (flags.name !== undefined) words.push("--name", flags.name);
    if (plugin !== "vendor") words.push("--plugin", plugin);
    if (use !== undefined) words.push(...templating.templateWords(use, flags));
    context.out.stdout(`\nTo do the same without prompts:\n  ${shellLine([...words, "--yes"])}\n`);
  }
  if (context.signal.aborted) return cancelledExitCode(context.signal);
  return result.ok ? EXIT.ok : EXIT.failed;
}
