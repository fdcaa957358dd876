import { access } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { LitError } from "../core/errors.js";
import { packageRoot } from "../core/package-root.js";
import type { LanguageId } from "../lang/types.js";
import { isCallable, plopApi, type Generator, type GeneratorSet } from "./plop-api.js";

/** Where a project keeps generators of its own (a team template ships them there). */
export const PROJECT_GENERATORS = ".litclaude/generators";

const PLOPFILE_NAMES = ["plopfile.mjs", "plopfile.js"] as const;

async function firstExisting(dir: string): Promise<string | undefined> {
  for (const name of PLOPFILE_NAMES) {
    const file = join(dir, name);
    const found = await access(file).then(
      () => true,
      () => false,
    );
    if (found) return file;
  }
  return undefined;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null;
}

async function runPlopfile(file: string, set: GeneratorSet, projectDir: string): Promise<void> {
  let loaded: unknown;
  try {
    loaded = await import(pathToFileURL(file).href);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LitError("usage", `cannot load the generators in ${file}: ${reason}`, {
      hint: "fix the plopfile and run again; nothing was written",
      location: { file },
    });
  }
  const register = isRecord(loaded) ? loaded["default"] : undefined;
  if (!isCallable(register)) {
    throw new LitError("usage", `${file} has no default export function`, {
      hint: "a plopfile exports `default function (plop) { plop.setGenerator(...) }`",
      location: { file },
    });
  }
  await Promise.resolve(register(plopApi(set, file, projectDir)));
}

/**
 * The generators for a project: the built-in ones of its language, then the project's own
 * (`.litclaude/generators/plopfile.mjs`), whose generators replace built-in ones of the same name.
 */
export async function loadGenerators(lang: LanguageId, projectDir: string): Promise<GeneratorSet> {
  const set: GeneratorSet = { generators: [], helpers: new Map(), partials: new Map() };
  const builtin = await firstExisting(join(packageRoot(), "generators", lang));
  if (builtin !== undefined) await runPlopfile(builtin, set, projectDir);
  const own = await firstExisting(join(projectDir, PROJECT_GENERATORS));
  if (own !== undefined) await runPlopfile(own, set, projectDir);
  const byName = new Map<string, Generator>();
  for (const generator of set.generators) byName.set(generator.name, generator);
  return { ...set, generators: [...byName.values()] };
}
