import { basename, relative } from "node:path";
import { EXIT, cancelledExitCode, usageError, type ExitCode } from "../core/errors.js";
import { shellLine } from "../core/shell-words.js";
import { createStandalone } from "../template/create-standalone.js";
import type { LoadedTemplate } from "../template/load.js";
import type { Flags } from "./args.js";
import type { CommandContext } from "./create.js";
import { targetPath } from "./project-dir.js";
import { lineReporter, printCreateResult } from "./report.js";
import { spinnerReporter } from "./spinner.js";
import { printTemplateSummary } from "./template-report.js";
import { templateUse, templateWords } from "./template-use.js";

/** Flags about the built-in baseline, which a template extending none does not have. */
function refuseBaselineFlags(flags: Flags, name: string): void {
  const baseline: readonly [boolean, string][] = [
    [flags.lang !== undefined, "--lang"],
    [flags.kind !== undefined, "--kind"],
    [flags.module !== undefined, "--module"],
    [flags.plugin !== undefined, "--plugin"],
    [flags.marketplace !== undefined, "--marketplace"],
    [flags.install !== undefined, "--install"],
    [flags.verify, "--verify"],
  ];
  const given = baseline.find(([set]) => set);
  if (given !== undefined) {
    throw usageError(
      `${given[1]} does not apply: template ${name} extends no built-in baseline ("extends": "none")`,
      `drop ${given[1]}`,
    );
  }
}

/** `create --template SRC` with a template that is the whole project on its own. */
export async function runStandalone(
  flags: Flags,
  loaded: LoadedTemplate,
  context: CommandContext,
): Promise<ExitCode> {
  refuseBaselineFlags(flags, loaded.manifest.name);
  const dir = flags.positionals[0] ?? flags.name?.split("/").at(-1);
  if (dir === undefined) {
    throw usageError(
      "missing the project directory",
      "pass it first, e.g. create-litclaude my-app --template SRC",
    );
  }
  const targetDir = targetPath(dir, context.cwd);
  const use = await templateUse(loaded, flags, context);
  const reporter = flags.json
    ? undefined
    : context.out.isTTY
      ? spinnerReporter(context.out.stdout)
      : lineReporter(context.out);
  const result = await createStandalone(
    use,
    {
      targetDir,
      name: flags.name ?? basename(targetDir),
      git: flags.git ?? true,
      install: false,
      verify: false,
      dryRun: flags.dryRun,
      force: flags.force,
    },
    { signal: context.signal, cwd: context.cwd, ...(reporter === undefined ? {} : { reporter }) },
  );
  if (flags.json) {
    context.out.stdout(`${JSON.stringify(result)}\n`);
  } else {
    printTemplateSummary(result.template, context.out);
    const shown = relative(context.cwd, targetDir) || ".";
    const again = shellLine([
      "npx",
      "create-litclaude",
      shown,
      ...templateWords(use, flags),
      "--yes",
    ]);
    printCreateResult(result, context.out, context.interactive ? again : undefined);
  }
  if (context.signal.aborted) return cancelledExitCode(context.signal);
  return result.ok ? EXIT.ok : EXIT.failed;
}
