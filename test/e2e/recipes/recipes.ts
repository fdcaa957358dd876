// Recipes: the code blocks of the plugin's references that a test puts into a generated project.
// A recipe's fence info string is `<lang> recipe=do path=<file>` (the gate must pass with it) or
// `<lang> recipe=dont path=<file> fails=<step>` (the gate must stop at that step). `<lang>` is the
// folder the reference sits in, and `path` is relative to the generated project's root.
import { readdir, readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { FenceError, parseFences, type Fence } from "./fences.js";
import { REFERENCES_DIR, type RecipeLanguage, isRecipeLanguage, LANGUAGES } from "./languages.js";

export const STEPS = ["format", "lint", "types", "no-excuse", "tests"] as const;
export type Step = (typeof STEPS)[number];

interface RecipeBase {
  readonly lang: RecipeLanguage;
  readonly path: string;
  readonly code: string;
  /** Where the block is, as `references/<lang>/<topic>.md:<line>`, for messages. */
  readonly source: string;
}

export type Recipe =
  | (RecipeBase & { readonly kind: "do" })
  | (RecipeBase & { readonly kind: "dont"; readonly fails: Step });

export class RecipeError extends Error {
  constructor(source: string, problem: string) {
    super(`${source}: ${problem}`);
    this.name = "RecipeError";
  }
}

const KEYS = new Set(["recipe", "path", "fails"]);

function isStep(value: string): value is Step {
  return STEPS.some((step) => step === value);
}

function attributes(words: readonly string[], source: string): ReadonlyMap<string, string> {
  const found = new Map<string, string>();
  for (const word of words) {
    const [key = "", value, ...extra] = word.split("=");
    if (!KEYS.has(key) || value === undefined || value === "" || extra.length > 0) {
      throw new RecipeError(source, `"${word}" is not recipe=..., path=... or fails=...`);
    }
    if (found.has(key)) throw new RecipeError(source, `${key}= is given twice`);
    found.set(key, value);
  }
  return found;
}

function checkPath(path: string, lang: RecipeLanguage, source: string): string {
  const normal = posix.normalize(path);
  if (path.includes("\\") || posix.isAbsolute(path) || normal !== path || path.startsWith("..")) {
    throw new RecipeError(source, `path=${path} must be a plain relative path inside the project`);
  }
  const { extensions } = LANGUAGES[lang];
  if (!extensions.some((extension) => path.endsWith(extension))) {
    throw new RecipeError(source, `path=${path} must end in ${extensions.join(" or ")}`);
  }
  return path;
}

/** The recipe a fence declares, or undefined for an illustration (no `recipe=`). */
export function recipeOf(fence: Fence, folder: RecipeLanguage, file: string): Recipe | undefined {
  const source = `${file}:${String(fence.line)}`;
  const [lang = "", ...words] = fence.info.split(/\s+/).filter((word) => word !== "");
  const found = attributes(
    words.filter((word) => word.includes("=")),
    source,
  );
  if (found.size === 0) return undefined;
  const kind = found.get("recipe");
  if (words.some((word) => !word.includes("="))) {
    throw new RecipeError(source, `"${fence.info}" holds a word that is not key=value`);
  }
  if (kind !== "do" && kind !== "dont") {
    throw new RecipeError(source, "a recipe needs recipe=do or recipe=dont");
  }
  if (lang !== folder) {
    throw new RecipeError(
      source,
      `a recipe in references/${folder}/ is written \`${folder}\`, not \`${lang}\``,
    );
  }
  const rawPath = found.get("path");
  if (rawPath === undefined) throw new RecipeError(source, "a recipe needs path=<file>");
  const base = { lang: folder, path: checkPath(rawPath, folder, source), code: fence.body, source };
  const fails = found.get("fails");
  if (kind === "do") {
    if (fails !== undefined) throw new RecipeError(source, "a recipe=do block has no fails=");
    return { ...base, kind };
  }
  if (fails === undefined || !isStep(fails)) {
    throw new RecipeError(source, `a recipe=dont block needs fails=<${STEPS.join("|")}>`);
  }
  return { ...base, kind, fails };
}

/** The recipes of one reference file's text. */
export function recipesOfText(
  text: string,
  folder: RecipeLanguage,
  file: string,
): readonly Recipe[] {
  let fences: readonly Fence[];
  try {
    fences = parseFences(text);
  } catch (error) {
    if (error instanceof FenceError)
      throw new RecipeError(`${file}:${String(error.line)}`, error.message);
    throw error;
  }
  return fences.flatMap((fence) => recipeOf(fence, folder, file) ?? []);
}

/** The languages that have a references/<lang>/ folder. */
export async function referenceLanguages(): Promise<readonly RecipeLanguage[]> {
  const entries = await readdir(REFERENCES_DIR, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter(isRecipeLanguage);
}

/** The reference files of a language, as `references/<lang>/<topic>.md`, sorted. */
export async function referenceFiles(lang: RecipeLanguage): Promise<readonly string[]> {
  const names = await readdir(join(REFERENCES_DIR, lang));
  return names
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `references/${lang}/${name}`);
}

/** Every recipe of a language; throws RecipeError naming the file and line of a bad block. */
export async function loadRecipes(lang: RecipeLanguage): Promise<readonly Recipe[]> {
  const recipes: Recipe[] = [];
  for (const file of await referenceFiles(lang)) {
    const text = await readFile(join(REFERENCES_DIR, "..", file), "utf8");
    recipes.push(...recipesOfText(text, lang, file));
  }
  return recipes;
}

/** Paths written by more than one recipe of the list, with the blocks that write each. */
export function duplicatePaths(recipes: readonly Recipe[]): readonly string[] {
  const byPath = new Map<string, string[]>();
  for (const recipe of recipes) {
    byPath.set(recipe.path, [...(byPath.get(recipe.path) ?? []), recipe.source]);
  }
  return [...byPath]
    .filter(([, sources]) => sources.length > 1)
    .map(([path, sources]) => `${path}: ${sources.join(", ")}`);
}
