import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { ANSWERS_PATH, type Accepted, type Answers } from "../core/answers.js";
import { readAnswersIfPresent } from "../core/answers-read.js";
import { usageError } from "../core/errors.js";
import { pathExists } from "../core/fs-probe.js";
import type { Kind, Language } from "../core/options.js";
import type { Unit } from "./types.js";

export interface Recorded {
  readonly units: readonly Unit[];
  readonly accepted: readonly Accepted[];
  readonly source: "answers" | "defaults";
}

function readAnswers(projectDir: string): Promise<Answers | undefined> {
  return readAnswersIfPresent(projectDir, "fix it (or remove it and pass --lang) and run again");
}

/** The units answers.json records: create's root project, then each language `add` brought. */
function recordedUnits(answers: Answers): Unit[] {
  const made = answers.answers;
  const entries = answers.languages ?? [];
  const units: Unit[] = [];
  if (made !== undefined) {
    const adopted = entries.some((entry) => entry.dir === "." && entry.lang === made.lang);
    units.push({
      lang: made.lang,
      dir: ".",
      kind: made.kind,
      name: made.name,
      module: made.module,
      plugin: made.plugin,
      marketplace: made.marketplace,
      origin: adopted ? "adopted" : "create",
      madeWith: answers.version,
    });
  }
  for (const entry of entries) {
    if (units.some((unit) => unit.dir === entry.dir && unit.lang === entry.lang)) continue;
    units.push({
      lang: entry.lang,
      dir: entry.dir,
      kind: entry.kind,
      name: entry.answers.name,
      module: entry.answers.module,
      plugin: entry.answers.plugin,
      marketplace: entry.answers.marketplace,
      origin: "add",
      madeWith: entry.version,
    });
  }
  return units;
}

/** Where a repo without answers.json keeps its command-line entry point, per language. */
const CLI_MARKERS: Readonly<Record<Language, readonly string[]>> = {
  go: ["cmd"],
  python: [],
  rust: ["src/main.rs"],
  ts: ["src/cli.ts"],
};

async function detectedKind(projectDir: string, lang: Language): Promise<Kind> {
  for (const marker of CLI_MARKERS[lang]) {
    if (await pathExists(join(projectDir, marker))) return "cli";
  }
  if (lang === "python") {
    const pyproject = await readFile(join(projectDir, "pyproject.toml"), "utf8").catch(() => "");
    return pyproject.includes("[project.scripts]") ? "cli" : "lib";
  }
  return "lib";
}

/**
 * The units to examine: those answers.json records (only `lang`'s when it is given), or, in a
 * repo without answers.json, `lang` at the root with the current templates' defaults.
 */
export async function readUnits(projectDir: string, lang: Language | undefined): Promise<Recorded> {
  const answers = await readAnswers(projectDir);
  if (answers === undefined) {
    if (lang === undefined) {
      throw usageError(
        `${ANSWERS_PATH} is missing, so the repository's languages are unknown`,
        "pass --lang go|python|rust|ts to compare it with that language's current templates",
      );
    }
    const unit: Unit = {
      lang,
      dir: ".",
      kind: await detectedKind(projectDir, lang),
      name: basename(projectDir),
      module: undefined,
      plugin: "vendor",
      marketplace: undefined,
      origin: "detected",
      madeWith: undefined,
    };
    return { units: [unit], accepted: [], source: "defaults" };
  }
  const all = recordedUnits(answers);
  const units = lang === undefined ? all : all.filter((unit) => unit.lang === lang);
  if (units.length === 0) {
    const recorded = all.map((unit) => unit.lang).join(", ") || "none";
    throw usageError(
      `${ANSWERS_PATH} records no ${lang ?? ""} project (it records: ${recorded})`,
      "pass one of those to --lang, or leave --lang out",
    );
  }
  return { units, accepted: answers.accepted ?? [], source: "answers" };
}
