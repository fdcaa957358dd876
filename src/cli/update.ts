import { parseArgs } from "node:util";
import { EXIT, cancelledExitCode, usageError, type ExitCode } from "../core/errors.js";
import type { UpdateResult } from "../update/update.js";
import type { CommandContext } from "./create.js";
import type { Output } from "./output.js";

export const UPDATE_HELP = `create-litclaude update: bring a project to this version's baseline, three-way, keeping
your edits.

Usage
  create-litclaude update [--to VERSION] [--template-ref REF] [--answer K=V]...
                          [--conflict inline|rej] [--offline]
                          [--check] [--dry-run] [--json] [--allow-dirty]

  --to VERSION          the create-litclaude version to update to (default and only choice:
                        this tool's own; for another, run npx create-litclaude@VERSION update)
  --template-ref REF    the team template's ref (tag, branch or commit) to update to; default:
                        its newest version tag when a tag was recorded, else the recorded ref
                        (or default branch) as it is now; a local folder is read where it is;
                        only in a project that records one team template
  --answer K=V          change an answer (name, kind, module, plugin, marketplace) while
                        updating; <lang>.K=V for a language add brought in; template.K=V for
                        a team template's question (a new one's default is taken otherwise)
  --offline             fetch the team template only from the cache
  --conflict inline     conflicts get diff3 markers and are unmerged in the git index (default)
  --conflict rej        conflicts keep your file; the template's change goes to <file>.rej
  --check               exit 0 when up to date, 1 when an update exists; one line per file
  --dry-run             print every file's status and the full diff; write nothing
  --json                print one JSON object on stdout
  --allow-dirty         update even when files it changes have uncommitted changes

Every file the tool wrote is merged from three sides: what the tool wrote last time (kept in
.litclaude/base.json), the file as it is now, and what this version writes. JSON, YAML and
TOML merge key by key, AGENTS.md by marked section, the rest by lines. Files you deleted stay
deleted; files the template dropped go only when you left them unchanged.

A project made with --template has its team template fetched again and laid over the
baseline the way create (or add) did, with the recorded answers; answers.json then records
its new ref, commit, version and answers. A team template's post-create tasks are not run
again by update.

Exit codes: 0 updated (or up to date), 1 conflicts left (or, with --check, an update exists),
2 bad usage or a dirty tree (nothing written).
`;

export interface UpdateFlags {
  readonly to: string | undefined;
  readonly templateRef: string | undefined;
  readonly offline: boolean;
  readonly answers: readonly string[];
  readonly conflict: "inline" | "rej";
  readonly check: boolean;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly allowDirty: boolean;
  readonly help: boolean;
}

export function parseUpdateFlags(argv: readonly string[]): UpdateFlags {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        to: { type: "string" },
        "template-ref": { type: "string" },
        offline: { type: "boolean" },
        answer: { type: "string", multiple: true },
        conflict: { type: "string" },
        check: { type: "boolean" },
        "dry-run": { type: "boolean" },
        json: { type: "boolean" },
        "allow-dirty": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    throw usageError(
      `update: ${message.split("\n")[0] ?? message}`,
      "run create-litclaude update --help",
    );
  }
  const v = parsed.values;
  const conflict = v.conflict ?? "inline";
  if (conflict !== "inline" && conflict !== "rej") {
    throw usageError(`unknown --conflict "${conflict}"`, "--conflict takes inline or rej");
  }
  if (v.to?.trim() === "")
    throw usageError("--to is empty", "give --to a version, or leave it out");
  if (v["template-ref"]?.trim() === "")
    throw usageError("--template-ref is empty", "give it a tag, branch or commit, or leave it out");
  return {
    to: v.to,
    templateRef: v["template-ref"],
    offline: v.offline ?? false,
    answers: v.answer ?? [],
    conflict,
    check: v.check ?? false,
    dryRun: v["dry-run"] ?? false,
    json: v.json ?? false,
    allowDirty: v["allow-dirty"] ?? false,
    help: v.help ?? false,
  };
}

function line(file: UpdateResult["files"][number]): string {
  const note = file.note === undefined ? "" : `  (${file.note})`;
  return `${file.status.padEnd(9)} ${file.path}${note}\n`;
}

function printResult(result: UpdateResult, flags: UpdateFlags, out: Output): void {
  const shown = result.files.filter(
    (file) => file.status !== "unchanged" || file.note !== undefined,
  );
  if (flags.check) {
    for (const file of shown.filter((item) => item.status !== "unchanged")) out.stdout(line(file));
    for (const move of result.templates) out.stdout(templateLine(move));
    out.stdout(
      result.upToDate
        ? `Up to date with create-litclaude ${result.to}.\n`
        : result.from === result.to
          ? `An update exists (create-litclaude ${result.to}).\n`
          : `An update to create-litclaude ${result.to} exists (recorded: ${result.from}).\n`,
    );
    return;
  }
  if (result.dryRun) for (const file of shown) out.stdout(file.diff ?? "");
  for (const file of shown) out.stdout(line(file));
  for (const id of result.migrations) out.stdout(`migration ${id}\n`);
  for (const move of result.templates) out.stdout(templateLine(move));
  const conflicts = result.files.filter((file) => file.status === "conflict");
  if (result.dryRun) {
    out.stdout(
      `Dry run: ${String(shown.filter((f) => f.status !== "unchanged").length)} file(s) would change; nothing was written.\n`,
    );
  } else if (result.upToDate) {
    out.stdout(`Up to date with create-litclaude ${result.to}.\n`);
  } else {
    out.stdout(
      result.from === result.to
        ? `Updated (create-litclaude ${result.to}).\n`
        : `Updated from create-litclaude ${result.from} to ${result.to}.\n`,
    );
  }
  if (conflicts.length > 0) {
    const where =
      flags.conflict === "rej"
        ? "the template's change is in <file>.rej"
        : "resolve the markers, then git add";
    out.stderr(
      `error: ${String(conflicts.length)} conflict(s): ${conflicts.map((file) => file.path).join(", ")}\n  fix: ${where}\n`,
    );
  }
}

function provenance(side: UpdateResult["templates"][number]["from"]): string {
  const ref = side.ref ?? side.version ?? "local";
  return side.commit === undefined ? ref : `${ref} (${side.commit.slice(0, 12)})`;
}

function templateLine(move: UpdateResult["templates"][number]): string {
  const from = provenance(move.from);
  const to = provenance(move.to);
  const where = move.dir === "." ? "" : ` in ${move.dir}`;
  return from === to
    ? `template  ${move.name}${where}: ${to}\n`
    : `template  ${move.name}${where}: ${from} -> ${to}\n`;
}

/** `create-litclaude update`: its own flags, the library does the work, a table out. */
export async function runUpdate(
  argv: readonly string[],
  context: CommandContext,
): Promise<ExitCode> {
  const flags = parseUpdateFlags(argv);
  if (flags.help) {
    context.out.stdout(UPDATE_HELP);
    return EXIT.ok;
  }
  const { updateProject } = await import("../update/update.js");
  const result = await updateProject(
    {
      repoDir: context.cwd,
      to: flags.to,
      answers: flags.answers,
      template: {
        ref: flags.templateRef,
        offline: flags.offline,
        env: context.env,
        signal: context.signal,
        ask: context.interactive
          ? (await import("./template-prompts.js")).askTemplateQuestion
          : undefined,
      },
      conflict: flags.conflict,
      check: flags.check,
      dryRun: flags.dryRun,
      allowDirty: flags.allowDirty,
    },
    context.signal,
  );
  if (flags.json) context.out.stdout(`${JSON.stringify(result)}\n`);
  else printResult(result, flags, context.out);
  if (context.signal.aborted) return cancelledExitCode(context.signal);
  if (flags.check) return result.upToDate ? EXIT.ok : EXIT.failed;
  return result.ok ? EXIT.ok : EXIT.failed;
}
