import { languageVars, renderProject } from "../core/create-project.js";
import { addLayout } from "../core/add-layout.js";
import { retargetGateStep } from "../core/add-adopt.js";
import { combinedGate } from "../core/combined-gate.js";
import type { LanguageEntry } from "../core/answers.js";
import { LitError } from "../core/errors.js";
import type { ProjectFile } from "../core/files.js";
import type { CreateOptions } from "../core/options.js";
import { repositoryPackageManager } from "../core/package-manager.js";
import { toolVersion } from "../core/version.js";
import type { BaseSnapshot } from "../update/snapshot.js";
import type { Baseline, Unit } from "./types.js";

const WORKFLOW = ".github/workflows/ci.yml";
/** Used when a repo without answers.json has a folder name the language would refuse. */
const FALLBACK_NAME = "app";

function optionsFor(
  unit: Unit,
  name: string,
  projectDir: string,
  packageManager: CreateOptions["packageManager"],
): CreateOptions {
  return {
    targetDir: projectDir,
    name,
    lang: unit.lang,
    kind: unit.kind,
    ...(unit.module === undefined ? {} : { module: unit.module }),
    plugin: unit.plugin,
    ...(unit.marketplace === undefined ? {} : { marketplace: unit.marketplace }),
    git: false,
    install: false,
    verify: false,
    dryRun: true,
    force: false,
    packageManager,
  };
}

function varsFor(
  options: CreateOptions,
  unit: Unit,
): { options: CreateOptions; vars: Readonly<Record<string, string>> } {
  try {
    return { options, vars: languageVars(options) };
  } catch (error: unknown) {
    if (unit.origin !== "detected" || !(error instanceof LitError)) throw error;
    const fallback = { ...options, name: FALLBACK_NAME };
    return { options: fallback, vars: languageVars(fallback) };
  }
}

function text(file: ProjectFile): string {
  return typeof file.content === "string" ? file.content : new TextDecoder().decode(file.content);
}

function entryFor(unit: Unit): LanguageEntry {
  return {
    lang: unit.lang,
    dir: unit.dir,
    kind: unit.kind,
    version: toolVersion(),
    answers: {
      name: unit.name,
      lang: unit.lang,
      kind: unit.kind,
      ...(unit.module === undefined ? {} : { module: unit.module }),
      plugin: unit.plugin,
      ...(unit.marketplace === undefined ? {} : { marketplace: unit.marketplace }),
    },
    regions: [],
  };
}

/**
 * The files `add` wrote for the unit: under its folder, gate renamed, workflow jobs renamed; its
 * `scripts/check` is the unit's part of the combined root gate (the line that runs its gate).
 */
function addedLayout(unit: Unit, rendered: readonly ProjectFile[]): readonly ProjectFile[] {
  const entry = entryFor(unit);
  return addLayout({
    rendered,
    sections: { shared: "", lang: "" },
    entry,
    languages: [entry],
    version: entry.version,
    rootHasReadme: true,
    workspace: [],
  });
}

/** A created root project after the first `add`: its gate at scripts/check-<lang>, CI pointed there. */
function adoptedLayout(unit: Unit, rendered: readonly ProjectFile[]): readonly ProjectFile[] {
  const gate = `scripts/check-${unit.lang}`;
  const moved = rendered.flatMap((file) => {
    if (file.path === "scripts/check") return [{ ...file, path: gate }];
    if (file.path === WORKFLOW) return [{ ...file, content: retargetGateStep(text(file), gate) }];
    return [file];
  });
  return [
    ...moved,
    { path: "scripts/check", content: combinedGate([entryFor(unit)]), executable: true },
  ];
}

/** What the templates of this version render for the unit, laid out as create or add placed it. */
async function renderedBaseline(projectDir: string, unit: Unit): Promise<Baseline> {
  const packageManager = await repositoryPackageManager(projectDir, "npm");
  const { options, vars } = varsFor(optionsFor(unit, unit.name, projectDir, packageManager), unit);
  const rendered = await renderProject(options, vars);
  const laidOut =
    unit.origin === "add"
      ? addedLayout(unit, rendered)
      : unit.origin === "adopted"
        ? adoptedLayout(unit, rendered)
        : rendered;
  return new Map(laidOut.map((file) => [file.path, file]));
}

/** Whether a unit is judged by the base snapshot or, without one (or with `--lang`), by the templates. */
export function judgedBy(unit: Unit, snapshot: BaseSnapshot | undefined): "snapshot" | "templates" {
  return snapshot === undefined || unit.origin === "detected" ? "templates" : "snapshot";
}

/**
 * The baseline of one unit: what create-litclaude wrote for it, keyed by path from the repo root.
 * Every doctor check reads its baseline through this one function.
 *
 * It is the base snapshot `create`, `add` and `update` keep in `.litclaude/base.json`, so a
 * language made by an older version is judged by what that version wrote. A project made before
 * snapshots, or a repo without answers.json (`--lang`), is judged by this version's templates.
 */
export async function readBaseline(
  projectDir: string,
  unit: Unit,
  snapshot: BaseSnapshot | undefined,
): Promise<Baseline> {
  if (snapshot === undefined || judgedBy(unit, snapshot) === "templates") {
    return renderedBaseline(projectDir, unit);
  }
  return snapshot;
}
