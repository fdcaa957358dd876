import { EXIT, LitError, cancelledExitCode, usageError, type ExitCode } from "../core/errors.js";
import { parseFlags, type Flags } from "./args.js";
import type { CommandContext } from "./create.js";
import { HELP } from "./help.js";
import type { Output } from "./output.js";
import { errorJson, printError } from "./report.js";

export interface MainContext {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdinIsTTY: boolean;
  readonly out: Output;
  readonly signal: AbortSignal;
}

function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env["CI"];
  return value !== undefined && value !== "" && value !== "0" && value !== "false";
}

/** Commands DESIGN.md plans; until they ship, naming one is a clear error, not a folder name. */
const PLANNED_COMMANDS = new Set<string>([]);

async function dispatch(flags: Flags, context: CommandContext): Promise<ExitCode> {
  const first = flags.positionals[0];
  if (first === "add") return (await import("./add.js")).runAdd(flags, context);
  if (first === "template") return (await import("./template.js")).runTemplate(flags, context);
  if (first !== undefined && PLANNED_COMMANDS.has(first)) {
    throw usageError(
      `create-litclaude ${first} is not available in this version yet`,
      `to create a project in a folder named ${first}, pass ./${first}`,
    );
  }
  const { runCreate } = await import("./create.js");
  return runCreate(flags, context);
}

function unexpected(error: unknown): LitError {
  const message = error instanceof Error ? error.message : String(error);
  return new LitError("failed", message, {
    hint: "this is a bug if the message does not say what to do: please report it",
  });
}

/** The whole CLI; returns the exit code instead of exiting, so tests can call it. */
export async function main(context: MainContext): Promise<ExitCode> {
  let flags: Flags | undefined;
  const first = context.argv[0];
  const command = first === "gen" || first === "update" || first === "doctor" ? first : "create";
  try {
    if (command === "update") {
      // update has flags of its own (--to, --answer, --check), so it parses them itself.
      const { runUpdate } = await import("./update.js");
      // It asks only a question a team template's new version added; never for --json/--check.
      const neverAsk = ["--json", "--check"].some((flag) => context.argv.includes(flag));
      const interactive =
        context.stdinIsTTY && context.out.isTTY && !neverAsk && !isCi(context.env);
      return await runUpdate(context.argv.slice(1), { ...context, interactive });
    }
    if (command === "doctor") {
      const { runDoctorCommand } = await import("./doctor.js");
      return await runDoctorCommand(context.argv.slice(1), context);
    }
    if (command === "gen") {
      // gen has flags of its own (its generators' answers), so it parses them itself.
      const { runGen } = await import("./gen.js");
      const neverAsk = ["--json", "--yes", "-y"].some((flag) => context.argv.includes(flag));
      const interactive =
        context.stdinIsTTY && context.out.isTTY && !neverAsk && !isCi(context.env);
      return await runGen(context.argv.slice(1), { ...context, interactive });
    }
    flags = parseFlags(context.argv);
    if (flags.help) {
      context.out.stdout(HELP);
      return EXIT.ok;
    }
    if (flags.version) {
      const { toolVersion } = await import("../core/version.js");
      context.out.stdout(`${toolVersion()}\n`);
      return EXIT.ok;
    }
    const interactive =
      context.stdinIsTTY && context.out.isTTY && !flags.yes && !flags.json && !isCi(context.env);
    return await dispatch(flags, { ...context, interactive });
  } catch (error: unknown) {
    const litError = error instanceof LitError ? error : unexpected(error);
    if (flags?.json === true || (flags === undefined && context.argv.includes("--json"))) {
      context.out.stdout(`${JSON.stringify(errorJson(litError, command))}\n`);
    } else {
      printError(litError, context.out);
    }
    return litError.kind === "cancelled" ? cancelledExitCode(context.signal) : litError.exitCode;
  }
}
