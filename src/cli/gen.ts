import { resolve } from "node:path";
import { EXIT, cancelledExitCode, usageError, type ExitCode } from "../core/errors.js";
import { detectProject, projectRoot } from "../gen/detect.js";
import { generate, type GenResult } from "../gen/generate.js";
import { applicable, listLines } from "../gen/list.js";
import { loadGenerators } from "../gen/load-generators.js";
import type { CommandContext } from "./create.js";
import { parseGenFlags, type GenFlags } from "./gen-args.js";
import { GEN_HELP } from "./gen-help.js";
import { parseLanguage } from "./lang-names.js";
import type { Output } from "./output.js";
import { indent } from "./report.js";

function printResult(result: GenResult, out: Output): void {
  for (const file of result.files) {
    out.stdout(`  ${file.action.padEnd(9)} ${file.path}\n`);
    if (result.dryRun || file.action === "conflict") {
      if (file.diff !== "") out.stdout(indent(file.diff));
    }
  }
  const conflicts = result.files.filter((file) => file.action === "conflict");
  if (conflicts.length > 0) {
    out.stderr(
      `error: ${String(conflicts.length)} files the generator adds exist already: ${conflicts.map((file) => file.path).join(", ")}\n` +
        "  fix: choose another name, or pass --force to replace them (a .litclaude-backup copy of each is kept); nothing was written\n",
    );
    return;
  }
  const count = String(result.files.filter((file) => file.action !== "identical").length);
  if (result.dryRun) {
    out.stdout(`Dry run: ${count} files would change in ${result.target}; nothing was written.\n`);
    return;
  }
  if (result.backups.length > 0) {
    out.stdout(`Kept the files --force replaced as: ${result.backups.join(", ")}\n`);
  }
  out.stdout(`Generated ${result.generator}: ${count} files changed. Next: scripts/check\n`);
}

async function runList(flags: GenFlags, dir: string, context: CommandContext): Promise<ExitCode> {
  const lang = flags.lang === undefined ? undefined : parseLanguage(flags.lang);
  const project = await detectProject(dir, lang);
  const generators = applicable(await loadGenerators(project.lang, dir), project);
  if (flags.json) {
    const list = generators.map(({ name, description }) => ({ name, description }));
    context.out.stdout(
      `${JSON.stringify({ ok: true, command: "gen", lang: project.lang, kind: project.kind, generators: list })}\n`,
    );
  } else {
    context.out.stdout(`${listLines(generators).join("\n")}\n`);
  }
  return EXIT.ok;
}

/** `create-litclaude gen <generator> <name> [--dir D] [--dry-run] [--json] [--force] [--ANSWER V]`. */
export async function runGen(argv: readonly string[], context: CommandContext): Promise<ExitCode> {
  const flags = parseGenFlags(argv);
  if (flags.help) {
    context.out.stdout(GEN_HELP);
    return EXIT.ok;
  }
  const dir =
    flags.dir === undefined ? await projectRoot(context.cwd) : resolve(context.cwd, flags.dir);
  if (flags.list) return runList(flags, dir, context);
  const [generator, name, ...extra] = flags.positionals;
  if (generator === undefined) {
    throw usageError("gen needs a generator", "run create-litclaude gen --list to see them");
  }
  if (extra.length > 0) {
    throw usageError(`gen takes one name, not also ${extra.join(" ")}`, "pass one name per run");
  }
  const lang = flags.lang === undefined ? undefined : parseLanguage(flags.lang);
  let given = { name, answers: flags.answers };
  let equivalent: string | undefined;
  if (context.interactive) {
    const prompts = await import("./gen-prompts.js");
    given = await prompts.askGenAnswers({ dir, lang, generator, ...given });
    equivalent = prompts.genEquivalent(generator, given, flags);
  }
  const result = await generate({
    dir,
    lang,
    generator,
    name: given.name,
    answers: given.answers,
    force: flags.force,
    dryRun: flags.dryRun,
    signal: context.signal,
  });
  if (flags.json) context.out.stdout(`${JSON.stringify(result)}\n`);
  else printResult(result, context.out);
  if (equivalent !== undefined) {
    context.out.stdout(`\nTo do the same without prompts:\n  ${equivalent}\n`);
  }
  if (context.signal.aborted) return cancelledExitCode(context.signal);
  return result.ok ? EXIT.ok : EXIT.failed;
}
