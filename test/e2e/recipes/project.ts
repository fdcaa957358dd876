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

const STEP_LINE = /^\s*(?:step|run_step) ([a-z-]+)\b/;
const CD_ROOT = 'cd "$(dirname "$0")/.."';

/**
 * The project's own scripts/check, stopped before the step after `last`: the steps up to `last`
 * run exactly as the gate runs them, and nothing after it costs time.
 */
export function gateUpTo(script: string, last: Step, root: string): string {
  const lines = script.split("\n");
  const next = STEPS[STEPS.indexOf(last) + 1];
  const cut =
    next === undefined
      ? lines.length
      : lines.findIndex((line) => STEP_LINE.exec(line)?.[1] === next);
  const cd = lines.indexOf(CD_ROOT);
  if (cut === -1 || cd === -1) {
    throw new Error(`scripts/check has no "${CD_ROOT}" line or no step named ${String(next)}`);
  }
  const head = lines.slice(0, cut).map((line, index) => (index === cd ? `cd '${root}'` : line));
  return [...head, next === undefined ? "" : "exit 0", ""].join("\n");
}

/** Runs the project's gate up to and including `last` (the whole gate for `tests`). */
export async function runGateUpTo(project: RecipeProject, last: Step): Promise<RunResult> {
  const script = await readFile(join(project.dir, "scripts", "check"), "utf8");
  const shortened = join(project.scratch, `check-up-to-${last}`);
  await writeFile(shortened, gateUpTo(script, last, project.dir), { mode: 0o755 });
  return run("bash", [shortened], project.dir);
}
