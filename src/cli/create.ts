import { relative } from "node:path";
import { createProject } from "../core/create-project.js";
import { EXIT, type ExitCode } from "../core/errors.js";
import { detectPackageManager } from "../core/package-manager.js";
import type { Flags } from "./args.js";
import type { Output } from "./output.js";
import { askMissing } from "./prompts.js";
import { lineReporter, printCreateResult, spinnerReporter } from "./report.js";
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
  const answers: Answers = context.interactive ? await askMissing(flags, context.cwd) : {};
  const options = resolveCreateOptions(flags, answers, {
    cwd: context.cwd,
    packageManager: detectPackageManager(context.env["npm_config_user_agent"]),
  });
  const reporter = flags.json
    ? undefined
    : context.out.isTTY
      ? await spinnerReporter()
      : lineReporter(context.out);
  const result = await createProject(options, {
    ...(reporter === undefined ? {} : { reporter }),
    signal: context.signal,
    cwd: context.cwd,
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
    printCreateResult(
      result,
      context.out,
      context.interactive ? equivalentCommand(options, shownDir) : undefined,
    );
  }
  if (context.signal.aborted) return EXIT.cancelled;
  return result.ok ? EXIT.ok : EXIT.failed;
}
