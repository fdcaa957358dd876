import { parseArgs } from "node:util";
import { EXIT, usageError, type ExitCode } from "../core/errors.js";
import { parseLanguage } from "./lang-names.js";
import type { Output } from "./output.js";
import { resolve } from "node:path";

export const DOCTOR_HELP = `create-litclaude doctor: where has this repository drifted from its strict baseline?

Usage
  create-litclaude doctor [dir] [--lang <go|python|rust|ts>] [--json]
  create-litclaude doctor --dir PATH [--lang L] [--json]

It compares each language's settings (tsconfig, ESLint, ruff, basedpyright, Cargo [lints],
golangci-lint, tool pins), its gate (scripts/check and CI) and the plugin with what
create-litclaude wrote, as .litclaude/answers.json records it, and counts the suppression
comments, new ones first. Without answers.json, --lang names the language and the current
templates with their defaults are the baseline.

A settled weakening is accepted in .litclaude/answers.json:
  "accepted": [{ "id": "<finding id>", "file": "<path>", "reason": "<why>" }]

Exit codes: 0 no drift, 1 drift, 2 bad usage or a file that cannot be read.
`;

interface DoctorFlags {
  readonly dir: string;
  readonly lang: string | undefined;
  readonly json: boolean;
  readonly help: boolean;
}

function parseDoctorFlags(argv: readonly string[], cwd: string): DoctorFlags {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        lang: { type: "string" },
        dir: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown =
      error instanceof Error && "code" in error && error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION";
    const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
    throw usageError(
      unknown ? `unknown flag ${flag}` : (message.split(". ")[0] ?? message),
      "doctor takes [dir], --dir PATH, --lang L and --json; see create-litclaude doctor --help",
    );
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    throw usageError(
      `doctor takes one folder, got ${positionals.join(" ")}`,
      "pass the repository root once",
    );
  }
  const [positional] = positionals;
  if (positional !== undefined && values.dir !== undefined) {
    throw usageError(
      `the folder is given twice (${positional} and --dir ${values.dir})`,
      "keep one of them",
    );
  }
  const dir = values.dir ?? positional ?? ".";
  if (dir.trim() === "") throw usageError("the folder is empty", "pass the repository root");
  if (values.lang?.trim() === "") throw usageError("--lang is empty", "give --lang a language");
  return {
    dir: resolve(cwd, dir),
    lang: values.lang,
    json: values.json === true,
    help: values.help === true,
  };
}

/** `create-litclaude doctor`: runs the checks, prints the report (or one JSON object), sets the exit code. */
export async function runDoctorCommand(
  argv: readonly string[],
  context: { readonly cwd: string; readonly out: Output },
): Promise<ExitCode> {
  const flags = parseDoctorFlags(argv, context.cwd);
  if (flags.help) {
    context.out.stdout(DOCTOR_HELP);
    return EXIT.ok;
  }
  const lang = flags.lang === undefined ? undefined : parseLanguage(flags.lang);
  const [{ runDoctor }, { formatDoctor }] = await Promise.all([
    import("../doctor/doctor.js"),
    import("../doctor/print.js"),
  ]);
  const result = await runDoctor({ projectDir: flags.dir, lang });
  context.out.stdout(flags.json ? `${JSON.stringify(result)}\n` : formatDoctor(result));
  return result.ok ? EXIT.ok : EXIT.failed;
}
