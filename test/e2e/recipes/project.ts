// One generated project per language, reused for every run: recipes are written in, the gate
// (or the part of it up to one step) runs, and the recipes are taken out again.
import { mkdir, readFile, rm, rmdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pathExists, run, runBin, tempDir, type RunResult } from "../support.js";
import { LANGUAGES, PROJECT_KIND, PROJECT_NAME, type RecipeLanguage } from "./languages.js";
import { STEPS, type Recipe, type Step } from "./recipes.js";

export interface RecipeProject {
  readonly lang: RecipeLanguage;
  /** The generated project's root. */
  readonly dir: string;
  /** Where the harness keeps its own files (the shortened gates), outside the project. */
  readonly scratch: string;
}

/** Generates the project (dependencies installed, no git) that every recipe of `lang` goes into. */
export async function generateProject(lang: RecipeLanguage): Promise<RecipeProject> {
  const scratch = await tempDir(`litclaude-recipes-${lang}-`);
  const dir = join(scratch, PROJECT_NAME);
  const { flag } = LANGUAGES[lang];
  const args = [dir, "--lang", flag, "--kind", PROJECT_KIND, "--name", PROJECT_NAME, "--yes"];
  const result = await runBin([...args, "--no-git"], scratch);
  if (result.exitCode !== 0) {
    throw new Error(`generating the ${lang} project failed:\n${result.output}`);
  }
  return { lang, dir, scratch };
}

export async function removeProject(project: RecipeProject): Promise<void> {
  await rm(project.scratch, { recursive: true, force: true });
}

/**
 * Writes the recipes into the project and returns what undoes that. A recipe may only add a
 * file: one that is already there (a template file, another recipe) is refused.
 */
export async function addRecipes(
  project: RecipeProject,
  recipes: readonly Recipe[],
): Promise<() => Promise<void>> {
  const written: string[] = [];
  const madeDirs: string[] = [];
  const undo = async (): Promise<void> => {
    for (const file of written) await rm(file, { force: true });
    for (const folder of madeDirs.reverse()) await rmdir(folder).catch(() => undefined);
  };
  try {
    for (const recipe of recipes) {
      const file = join(project.dir, recipe.path);
      if (await pathExists(file)) {
        throw new Error(`${recipe.source}: path=${recipe.path} is already in the project`);
      }
      for (let folder = dirname(file); !(await pathExists(folder)); folder = dirname(folder)) {
        madeDirs.unshift(folder);
      }
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, recipe.code);
      written.push(file);
    }
  } catch (error) {
    await undo();
    throw error;
  }
  return undo;
}

const STEP_LINE = /^\s*(?:step|run_step) ([a-z-]+)(.*)$/;
const CD_ROOT = 'cd "$(dirname "$0")/.."';

interface StepAt {
  readonly name: string;
  readonly line: number;
  /** `step lint eslint .` runs its command on that line; a bare `step lint` heads a block. */
  readonly block: boolean;
}

function stepsOf(lines: readonly string[]): readonly StepAt[] {
  return lines.flatMap((line, index) => {
    const match = STEP_LINE.exec(line);
    if (match === null) return [];
    const [, name = "", rest = ""] = match;
    return [{ name, line: index, block: rest.trim() === "" }];
  });
}

/**
 * The project's own scripts/check reduced to the steps in `keep`: the others are left out (a
 * one-line step its line, a block step its block), nothing after the last kept step runs, and
 * it runs in `root`. What the kept steps run is exactly what the gate runs.
 */
export function gateOf(script: string, keep: readonly Step[], root: string): string {
  const lines = script.split("\n");
  const steps = stepsOf(lines);
  const names = steps.map((step) => step.name);
  const cd = lines.indexOf(CD_ROOT);
  if (cd === -1 || STEPS.some((step) => !names.includes(step))) {
    throw new Error(
      `scripts/check has no "${CD_ROOT}" line or not every step of ${STEPS.join(", ")}`,
    );
  }
  const lastKept = Math.max(...keep.map((step) => names.indexOf(step)));
  const cut = steps[lastKept + 1]?.line ?? lines.length;
  const dropped = new Set<number>();
  for (const [index, step] of steps.entries()) {
    if (index > lastKept || keep.some((name) => name === step.name)) continue;
    const end = step.block ? (steps[index + 1]?.line ?? lines.length) : step.line + 1;
    for (let line = step.line; line < end; line += 1) dropped.add(line);
  }
  const kept = lines
    .slice(0, cut)
    .map((line, index) => (index === cd ? `cd '${root}'` : line))
    .filter((_line, index) => !dropped.has(index));
  return [...kept, cut < lines.length ? "exit 0" : "", ""].join("\n");
}

/** Runs only the `keep` steps of the project's gate (see gateOf). */
export async function runGateSteps(
  project: RecipeProject,
  keep: readonly Step[],
): Promise<RunResult> {
  const script = await readFile(join(project.dir, "scripts", "check"), "utf8");
  const reduced = join(project.scratch, `check-${keep.join("-")}`);
  await writeFile(reduced, gateOf(script, keep, project.dir), { mode: 0o755 });
  return run("bash", [reduced], project.dir);
}
