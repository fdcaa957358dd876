// The languages recipes are written in, and how the harness generates a project for each.
import { join } from "node:path";
import { REPO_ROOT } from "../support.js";

/** content/plugin/skills/programming/references, which holds one folder per language. */
export const REFERENCES_DIR = join(
  REPO_ROOT,
  "content",
  "plugin",
  "skills",
  "programming",
  "references",
);

/** The topics every language's folder covers, one `<topic>.md` each. */
export const TOPICS = [
  "errors",
  "data",
  "boundaries",
  "testing",
  "concurrency",
  "resources",
  "strict-config",
  "gate-messages",
] as const;

/**
 * Every recipe of a language is written against the same generated project: `--name app`,
 * `--kind cli`, so paths like `src/app/ids.py` or `internal/ids/ids.go` are fixed.
 */
export const PROJECT_NAME = "app";
export const PROJECT_KIND = "cli";

interface Language {
  /** The value of `--lang`. */
  readonly flag: string;
  /** What a recipe's path may end in. */
  readonly extensions: readonly string[];
}

export const LANGUAGES = {
  go: { flag: "go", extensions: [".go"] },
  python: { flag: "python", extensions: [".py"] },
  rust: { flag: "rust", extensions: [".rs"] },
  typescript: { flag: "ts", extensions: [".ts"] },
} as const satisfies Readonly<Record<string, Language>>;

export type RecipeLanguage = keyof typeof LANGUAGES;

export function isRecipeLanguage(name: string): name is RecipeLanguage {
  return Object.hasOwn(LANGUAGES, name);
}
