import { builtinModules } from "node:module";
import type { LanguageModule, NameInput, NameResult, ProjectKind } from "./types.js";
import { checkName } from "./name-rules.js";
import type { PackageManager } from "../core/package-manager.js";

type RenderVars = Readonly<Record<string, string | boolean>>;

const MAX_LENGTH = 214;
/** One part of a name (the scope or the bare name): lowercase, URL-safe, starts with a letter or digit. */
const PART = /^[a-z0-9][a-z0-9._-]*$/;
const RESERVED: ReadonlySet<string> = new Set(["node_modules", "favicon.ico"]);
const BUILTINS: ReadonlySet<string> = new Set(
  builtinModules.map((name) => name.replace(/^node:/, "")),
);

interface SplitName {
  readonly scope: string | undefined;
  readonly bare: string;
}

function split(name: string): SplitName | undefined {
  if (!name.startsWith("@")) return { scope: undefined, bare: name };
  const slash = name.indexOf("/");
  if (slash === -1) return undefined;
  return { scope: name.slice(1, slash), bare: name.slice(slash + 1) };
}

/** Lowercases, turns every run of other characters into one dash and trims what may not lead or trail. */
function cleanPart(part: string): string {
  return part
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+/, "")
    .replace(/[._-]+$/, "");
}

/** The rule the name breaks, or undefined when npm accepts it for a new package. */
function brokenRule(name: string): string | undefined {
  if (name.length === 0) return "an npm package name must not be empty";
  if (name.length > MAX_LENGTH) {
    return `an npm package name is at most ${String(MAX_LENGTH)} characters long`;
  }
  if (name !== name.toLowerCase()) return "an npm package name must be lowercase";
  const parts = split(name);
  if (parts === undefined) return "a scoped npm package name has the form @scope/name";
  if (parts.scope !== undefined && !PART.test(parts.scope)) {
    return "an npm scope holds only a-z, 0-9, '-', '.' and '_', and starts with a letter or digit";
  }
  if (!PART.test(parts.bare)) {
    return "an npm package name holds only a-z, 0-9, '-', '.' and '_', and starts with a letter or digit";
  }
  if (RESERVED.has(parts.bare)) return `"${parts.bare}" is a name npm reserves`;
  if (parts.scope === undefined && BUILTINS.has(parts.bare)) {
    return `"${parts.bare}" is the name of a Node.js core module`;
  }
  return undefined;
}

function suggest(name: string, kind: ProjectKind): string | undefined {
  const parts = split(name.trim());
  const scope = cleanPart(parts?.scope ?? "");
  const prefix = scope === "" ? "" : `@${scope}/`;
  const cleaned = cleanPart(parts?.bare ?? name.trim().replace(/^@/, ""));
  if (cleaned === "") return undefined;
  const taken = RESERVED.has(cleaned) || (prefix === "" && BUILTINS.has(cleaned));
  const bare = cleanPart(
    (taken ? `${cleaned}-${kind}` : cleaned).slice(0, MAX_LENGTH - prefix.length),
  );
  const candidate = `${prefix}${bare}`;
  return brokenRule(candidate) === undefined && candidate !== name ? candidate : undefined;
}

function templateVars(input: NameInput): NameResult {
  return checkName(input, { brokenRule, suggest }, (name) => ({
    packageName: name,
    // A scoped package's command is named after its bare name, as npm itself would do.
    binName: split(name)?.bare ?? name,
  }));
}

/**
 * The package manager that ran create-litclaude, for templates: its name and one flag per
 * manager (handlebars has no equality test), so CI installs from the lockfile it wrote.
 */
export function packageManagerVars(packageManager: PackageManager): RenderVars {
  return {
    packageManager,
    isNpm: packageManager === "npm",
    isPnpm: packageManager === "pnpm",
    isYarn: packageManager === "yarn",
    isBun: packageManager === "bun",
  };
}

export const tsLanguage: LanguageModule = {
  id: "ts",
  label: "TypeScript",
  templateVars,
  installCommand: (packageManager) => ({
    cmd: packageManager,
    args: ["install"],
  }),
};
