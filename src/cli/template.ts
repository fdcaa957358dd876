import { relative, resolve } from "node:path";
import { EXIT, usageError, type ExitCode } from "../core/errors.js";
import { KINDS, type Kind } from "../core/options.js";
import { writeProject } from "../core/write-project.js";
import { checkTemplateFolder } from "../template/load.js";
import { starterFiles } from "../template/init.js";
import type { Flags } from "./args.js";
import type { CommandContext } from "./create.js";
import { parseLanguage } from "./lang-names.js";

function refuseOtherFlags(flags: Flags, allowed: readonly string[]): void {
  const given: readonly [boolean, string][] = [
    [flags.template !== undefined, "--template"],
    [flags.answer.length > 0, "--answer"],
    [flags.answersFile !== undefined, "--answers-file"],
    [flags.trust, "--trust"],
    [flags.offline, "--offline"],
    [flags.name !== undefined, "--name"],
    [flags.module !== undefined, "--module"],
    [flags.plugin !== undefined, "--plugin"],
    [flags.dir !== undefined, "--dir"],
    [flags.verify, "--verify"],
    [flags.force, "--force"],
    [flags.git !== undefined, "--git"],
    [flags.install !== undefined, "--install"],
    [flags.lang !== undefined && !allowed.includes("--lang"), "--lang"],
    [flags.kind !== undefined && !allowed.includes("--kind"), "--kind"],
    [flags.dryRun && !allowed.includes("--dry-run"), "--dry-run"],
  ];
  const found = given.find(([set]) => set);
  if (found !== undefined) {
    throw usageError(
      `${found[1]} does not apply to this template command`,
      "run create-litclaude --help",
    );
  }
}

async function runInit(flags: Flags, dir: string, context: CommandContext): Promise<ExitCode> {
  refuseOtherFlags(flags, ["--lang", "--kind", "--dry-run"]);
  const lang = parseLanguage(flags.lang ?? "ts");
  const kind: Kind = KINDS.find((candidate) => candidate === (flags.kind ?? "cli")) ?? "cli";
  if (flags.kind !== undefined && flags.kind !== kind) {
    throw usageError(`unknown kind "${flags.kind}"`, `--kind takes one of: ${KINDS.join(", ")}`);
  }
  const target = resolve(context.cwd, dir);
  const shown = relative(context.cwd, target) || ".";
  const files = await starterFiles(target, lang, kind);
  if (!flags.dryRun)
    await writeProject(target, files, { force: false, shown, signal: context.signal });
  const paths = files.map((file) => file.path);
  if (flags.json) {
    context.out.stdout(
      `${JSON.stringify({ ok: true, command: "template init", target, dryRun: flags.dryRun, files: paths })}\n`,
    );
  } else {
    const verb = flags.dryRun ? "Would write" : "Wrote";
    context.out.stdout(`${verb} a team template in ${shown}: ${paths.join(", ")}\n`);
    context.out.stdout(
      `Next: edit ${shown}/litclaude.template.json, then create-litclaude template check ${shown}\n`,
    );
  }
  return EXIT.ok;
}

async function runCheck(flags: Flags, dir: string, context: CommandContext): Promise<ExitCode> {
  refuseOtherFlags(flags, []);
  const target = resolve(context.cwd, dir);
  const checked = await checkTemplateFolder(target);
  const { trialRender } = await import("../template/trial-render.js");
  const unrendered = await trialRender(checked, target);
  const { manifest } = checked;
  const base =
    manifest.extends === "none"
      ? "none"
      : `${manifest.extends.lang}/${manifest.extends.kind ?? "any kind"}`;
  const summary = {
    ok: true,
    command: "template check",
    target,
    name: manifest.name,
    extends: base,
    files: checked.selected.map((item) => item.entry.path),
    questions: (manifest.questions ?? []).map((question) => question.id),
    tasks: (manifest.tasks ?? []).map((task) => task.run.join(" ")),
    rendered: unrendered.length === 0,
  };
  if (flags.json) {
    context.out.stdout(`${JSON.stringify(summary)}\n`);
  } else {
    context.out.stdout(
      `OK: template ${manifest.name} (extends ${base}): ${String(summary.files.length)} files, ${String(summary.questions.length)} questions, ${String(summary.tasks.length)} post-create tasks\n`,
    );
    if (unrendered.length > 0) {
      context.out.stdout(
        `  not rendered on trial: no default or sample answer for ${unrendered.join(", ")} (give each a default)\n`,
      );
    }
  }
  return EXIT.ok;
}

/** `create-litclaude template init [dir]` and `create-litclaude template check [dir]`. */
export async function runTemplate(flags: Flags, context: CommandContext): Promise<ExitCode> {
  const [, action, dir = ".", ...rest] = flags.positionals;
  if (rest.length > 0)
    throw usageError(`unexpected arguments: ${rest.join(" ")}`, "give one folder");
  if (action === "init") return runInit(flags, dir, context);
  if (action === "check") return runCheck(flags, dir, context);
  throw usageError(
    action === undefined ? "missing the template command" : `unknown template command "${action}"`,
    "use create-litclaude template init [dir] or create-litclaude template check [dir]",
  );
}
