import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { usageError } from "../core/errors.js";
import { folderExists } from "../core/fs-probe.js";
import { readBaseSnapshot } from "../update/snapshot.js";
import type { Accepted } from "../core/answers.js";
import type { Language } from "../core/options.js";
import { judgedBy, readBaseline } from "./baseline.js";
import { checkCargo } from "./checks/cargo.js";
import { checkCi } from "./checks/ci.js";
import { baselineText } from "./checks/common.js";
import { checkEslint } from "./checks/eslint.js";
import { checkCombinedGate, checkGate } from "./checks/gate.js";
import { checkGolangci } from "./checks/golangci.js";
import { checkGoPins, checkNodePins } from "./checks/pins.js";
import { checkCargoFlags, checkPythonOverrides } from "./checks/override-files.js";
import { checkPlugin } from "./checks/plugin.js";
import { checkPyproject } from "./checks/pyproject.js";
import { checkTsconfig } from "./checks/tsconfig.js";
import { repoFiles } from "./repo-files.js";
import { crateAllowFindings } from "./rust-crate-allow.js";
import { fileSuppressions, isSourceOf, newFirst } from "./suppressions.js";
import type {
  Check,
  CheckContext,
  DoctorResult,
  Finding,
  GroupReport,
  Suppression,
  Unit,
} from "./types.js";
import { readUnits } from "./units.js";

export interface DoctorOptions {
  /** The repository root. */
  readonly projectDir: string;
  /** Only this language; required when the repo has no answers.json. */
  readonly lang?: Language | undefined;
}

const LANGUAGE_CHECKS: Readonly<Record<Language, readonly Check[]>> = {
  ts: [checkTsconfig, checkEslint, checkNodePins],
  python: [checkPyproject, checkPythonOverrides],
  rust: [checkCargo, checkCargoFlags],
  go: [checkGolangci, checkGoPins],
};

const TOOL_FOLDERS = /(^|\/)(\.litclaude|\.claude|node_modules)\//;

function reader(projectDir: string): Pick<CheckContext, "read" | "executable"> {
  const texts = new Map<string, Promise<string | undefined>>();
  return {
    read: (path) => {
      let text = texts.get(path);
      if (text === undefined) {
        text = readFile(join(projectDir, path), "utf8").catch(() => undefined);
        texts.set(path, text);
      }
      return text;
    },
    executable: async (path) => {
      const info = await stat(join(projectDir, path)).catch(() => undefined);
      return info === undefined ? undefined : (info.mode & 0o111) !== 0;
    },
  };
}

function depth(dir: string): number {
  return dir === "." ? 0 : dir.split("/").length;
}

/** The unit a source file belongs to: of its language, the one whose folder holds it most closely. */
function ownerOf(units: readonly Unit[], path: string): Unit | undefined {
  const holds = (unit: Unit): boolean => unit.dir === "." || path.startsWith(`${unit.dir}/`);
  return units
    .filter((unit) => isSourceOf(unit.lang, path) && holds(unit))
    .sort((a, b) => depth(b.dir) - depth(a.dir))[0];
}

async function suppressionsOf(
  context: CheckContext,
  units: readonly Unit[],
): Promise<Suppression[]> {
  const own = context.files.filter(
    (path) => !TOOL_FOLDERS.test(path) && ownerOf(units, path) === context.unit,
  );
  const found = await Promise.all(
    own.map(async (path) => {
      const text = await context.read(path);
      return text === undefined
        ? []
        : fileSuppressions(context.unit.lang, path, text, baselineText(context.baseline, path));
    }),
  );
  return newFirst(found.flat());
}

function label(unit: Unit): string {
  return unit.dir === "." ? unit.lang : `${unit.lang} (${unit.dir})`;
}

function grouped(
  base: Omit<GroupReport, "findings" | "accepted">,
  findings: readonly Finding[],
  accepted: readonly Accepted[],
): GroupReport {
  const reasonOf = (finding: Finding): string | undefined =>
    accepted.find((entry) => entry.id === finding.id && entry.file === finding.file)?.reason;
  const sorted = [...findings].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line,
  );
  return {
    ...base,
    findings: sorted.filter((finding) => reasonOf(finding) === undefined),
    accepted: sorted.flatMap((finding) => {
      const reason = reasonOf(finding);
      return reason === undefined ? [] : [{ ...finding, reason }];
    }),
  };
}

/** `create-litclaude doctor`: every place the repo is weaker than the strict baseline it was made with. */
export async function runDoctor(options: DoctorOptions): Promise<DoctorResult> {
  const projectDir = resolve(options.projectDir);
  if (!(await folderExists(projectDir))) {
    throw usageError(
      `${options.projectDir} is not a folder`,
      "pass the repository's root with --dir",
    );
  }
  const [recorded, files, snapshot] = await Promise.all([
    readUnits(projectDir, options.lang),
    repoFiles(projectDir),
    readBaseSnapshot(projectDir),
  ]);
  const io = reader(projectDir);
  const contexts = await Promise.all(
    recorded.units.map(async (unit): Promise<CheckContext> => ({
      unit,
      baseline: await readBaseline(projectDir, unit, snapshot),
      files,
      ...io,
    })),
  );
  const groups = await Promise.all(
    contexts.map(async (context) => {
      const checks = [...LANGUAGE_CHECKS[context.unit.lang], checkGate, checkCi];
      const [findings, suppressions] = await Promise.all([
        Promise.all(checks.map((check) => check(context))),
        suppressionsOf(context, recorded.units),
      ]);
      return grouped(
        {
          label: label(context.unit),
          lang: context.unit.lang,
          dir: context.unit.dir,
          madeWith: context.unit.madeWith,
          judgedBy: judgedBy(context.unit, snapshot),
          suppressions,
        },
        [...findings.flat(), ...crateAllowFindings(suppressions)],
        recorded.accepted,
      );
    }),
  );
  const first = contexts[0];
  const repoFindings =
    first === undefined
      ? []
      : [...(await checkPlugin(first)), ...(await checkCombinedGate(contexts))];
  const repo = grouped(
    {
      label: "repo",
      lang: "repo",
      dir: ".",
      madeWith: undefined,
      judgedBy: snapshot === undefined ? "templates" : "snapshot",
      suppressions: [],
    },
    repoFindings,
    recorded.accepted,
  );
  const all = [...groups, repo];
  const matched = all.flatMap((group) => group.accepted);
  return {
    ok: all.every((group) => group.findings.length === 0),
    command: "doctor",
    target: projectDir,
    baselineSource: recorded.source,
    groups: all,
    staleAccepted: recorded.accepted.filter(
      (entry) => !matched.some((found) => found.id === entry.id && found.file === entry.file),
    ),
  };
}
