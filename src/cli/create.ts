import { relative, resolve } from "node:path";
import { recoverTarget } from "../core/write-project.js";
import { createProject } from "../core/create-project.js";
import { EXIT, cancelledExitCode, type ExitCode } from "../core/errors.js";
import { detectPackageManager } from "../core/package-manager.js";
import { shellLine } from "../core/shell-words.js";
import type { Flags } from "./args.js";
import type { Output } from "./output.js";
import { askMissing } from "./prompts.js";
import { lineReporter, printCreateResult } from "./report.js";
import { spinnerReporter } from "./spinner.js";
import { parseLanguage } from "./lang-names.js";
import {
  assertNoConflicts,
  equivalentCommand,
  resolveCreateOptions,
  type Answers,
} from "./resolve.js";

export interface CommandContext {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly interactive: boolean;
  readonly out: Output;
  readonly signal: AbortSignal;
}

/** `create-litclaude [dir] --lang L ...`: flags, prompts for gaps, then the library does the work. */
export async function runCreate(flags: Flags, context: CommandContext): Promise<ExitCode> {
  assertNoConflicts(flags);
  if (flags.recover) return runRecover(flags, context);
  const templating = await import("./template-use.js");
  const loaded = await templating.loadFlagTemplate(flags, context);
  if (loaded?.manifest.extends === "none") {
    return (await import("./template-standalone.js")).runStandalone(flags, loaded, context);
  }
  const base =
    loaded === undefined
      ? undefined
      : templating.extendedBase(
          loaded,
          flags.lang === undefined ? undefined : parseLanguage(flags.lang),
          flags.kind,
        );
  const effective: Flags =
    base === undefined ? flags : { ...flags, lang: base.lang, kind: flags.kind ?? base.kind };
  const answers: Answers = context.interactive ? await askMissing(effective, context.cwd) : {};
  const use =
    loaded === undefined ? undefined : await templating.templateUse(loaded, flags, context);
  const options = resolveCreateOptions(effective, answers, {
    cwd: context.cwd,
    packageManager: detectPackageManager(context.env["npm_config_user_agent"]),
  });
  const reporter = flags.json
    ? undefined
    : context.out.isTTY
      ? spinnerReporter(context.out.stdout)
      : lineReporter(context.out);
  const result = await createProject(options, {
    ...(reporter === undefined ? {} : { reporter }),
    signal: context.signal,
    cwd: context.cwd,
    ...(use === undefined ? {} : { template: use }),
    ...(flags.json
      ? {}
      : {
          onApplied: (target: string, count: number) => {
            context.out.stdout(`Created ${target} (${String(count)} files)\n`);
          },
        }),
  });
  if (flags.json) {
    context.out.stdout(`${JSON.stringify(result)}\n`);
  } else {
    const shownDir = relative(context.cwd, options.targetDir) || ".";
    const { printTemplateSummary } = await import("./template-report.js");
    printTemplateSummary(result.template, context.out);
    const again =
      use === undefined
        ? equivalentCommand(options, shownDir)
        : `${equivalentCommand(options, shownDir)} ${shellLine(templating.templateWords(use, flags))}`;
    printCreateResult(result, context.out, context.interactive ? again : undefined);
  }
  if (context.signal.aborted) return cancelledExitCode(context.signal);
  return result.ok ? EXIT.ok : EXIT.failed;
}

/** `create-litclaude [dir] --recover`: restore what an interrupted run changed, nothing more. */
async function runRecover(flags: Flags, context: CommandContext): Promise<ExitCode> {
  const targetDir = resolve(context.cwd, flags.positionals[0] ?? ".");
  const shown = relative(context.cwd, targetDir) || ".";
  const recovered = await recoverTarget(targetDir, shown);
  if (flags.json) {
    context.out.stdout(
      `${JSON.stringify({ ok: true, command: "recover", target: targetDir, recovered })}\n`,
    );
  } else if (recovered === undefined) {
    context.out.stdout(
      `Nothing to recover in ${shown}: no interrupted run left a journal there.\n`,
    );
  } else {
    context.out.stdout(
      `Restored ${String(recovered.restored.length)} files in ${shown} as they were before the interrupted run.\n`,
    );
    if (recovered.kept.length > 0) {
      context.out.stdout(`Changed since, left as they are: ${recovered.kept.join(", ")}\n`);
    }
  }
  return EXIT.ok;
}
