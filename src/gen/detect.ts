import { access, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ANSWERS_PATH, answersSchema } from "../core/answers.js";
import { LitError, usageError } from "../core/errors.js";
import { languageModule } from "../lang/index.js";
import type { LanguageId, ProjectKind, TemplateVars } from "../lang/types.js";

export interface ProjectInfo {
  readonly lang: LanguageId;
  readonly kind: ProjectKind;
  readonly name: string;
  /** The template variables create used (importName, module, crateIdent, binName, ...). */
  readonly vars: TemplateVars;
  readonly detectedFrom: string;
}

const MANIFESTS: readonly (readonly [string, LanguageId])[] = [
  ["go.mod", "go"],
  ["pyproject.toml", "python"],
  ["Cargo.toml", "rust"],
  ["package.json", "ts"],
];

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function text(path: string): Promise<string> {
  return readFile(path, "utf8").catch(() => "");
}

/** The project name and kind as the language's own manifest states them. */
async function fromManifest(dir: string, lang: LanguageId) {
  switch (lang) {
    case "go": {
      const module = /^module\s+(\S+)/m.exec(await text(join(dir, "go.mod")))?.[1] ?? "";
      const kind: ProjectKind = (await exists(join(dir, "cmd"))) ? "cli" : "lib";
      return { name: module.split("/").at(-1) ?? module, module, kind };
    }
    case "python": {
      const toml = await text(join(dir, "pyproject.toml"));
      const name = /^name\s*=\s*"([^"]+)"/m.exec(toml)?.[1] ?? "";
      const kind: ProjectKind = toml.includes("[project.scripts]") ? "cli" : "lib";
      return { name, module: undefined, kind };
    }
    case "rust": {
      const name = /^name\s*=\s*"([^"]+)"/m.exec(await text(join(dir, "Cargo.toml")))?.[1] ?? "";
      const kind: ProjectKind = (await exists(join(dir, "src", "main.rs"))) ? "cli" : "lib";
      return { name, module: undefined, kind };
    }
    case "ts": {
      const manifest = await text(join(dir, "package.json"));
      const name = /"name"\s*:\s*"([^"]+)"/.exec(manifest)?.[1] ?? "";
      const kind: ProjectKind = /"bin"\s*:/.test(manifest) ? "cli" : "lib";
      return { name, module: undefined, kind };
    }
  }
}

function varsOf(lang: LanguageId, name: string, kind: ProjectKind, module: string | undefined) {
  const result = languageModule(lang).templateVars({ name, kind, module });
  if (!result.ok) {
    throw usageError(
      `the project name ${name} does not follow the ${lang} rules (${result.problem.rule}), so gen cannot derive its names`,
      "pass --lang only for a project create-litclaude can read",
    );
  }
  return result.vars;
}

/**
 * The project gen works on when no --dir is given: the nearest folder at or above `cwd` holding
 * `.litclaude/answers.json`, else the nearest with a manifest, else `cwd` itself.
 */
export async function projectRoot(cwd: string): Promise<string> {
  let withManifest: string | undefined;
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (await exists(join(dir, ANSWERS_PATH))) return dir;
    if (withManifest === undefined) {
      for (const [file] of MANIFESTS) {
        if (withManifest === undefined && (await exists(join(dir, file)))) withManifest = dir;
      }
    }
    if (dirname(dir) === dir) return withManifest ?? cwd;
  }
}

/** The project's language, kind and names: from `.litclaude/answers.json`, else its manifests. */
export async function detectProject(
  dir: string,
  lang: LanguageId | undefined,
): Promise<ProjectInfo> {
  const answersFile = join(dir, ANSWERS_PATH);
  if (await exists(answersFile)) {
    const parsed = answersSchema.safeParse(JSON.parse(await text(answersFile)));
    if (!parsed.success) {
      throw new LitError("usage", `${answersFile} is not an answers file create-litclaude wrote`, {
        hint: "restore it from git, or pass --lang; nothing was written",
        location: { file: answersFile },
      });
    }
    const given = parsed.data.answers;
    if (given !== undefined && (lang === undefined || lang === given.lang)) {
      const vars = varsOf(given.lang, given.name, given.kind, given.module);
      return {
        lang: given.lang,
        kind: given.kind,
        name: given.name,
        vars,
        detectedFrom: ANSWERS_PATH,
      };
    }
  }
  const present: LanguageId[] = [];
  for (const [file, id] of MANIFESTS) if (await exists(join(dir, file))) present.push(id);
  const chosen = lang ?? (present.length === 1 ? present[0] : undefined);
  if (chosen === undefined) {
    throw usageError(
      present.length === 0
        ? `${dir} holds no project gen knows (no ${ANSWERS_PATH}, go.mod, pyproject.toml, Cargo.toml or package.json)`
        : `${dir} holds projects in ${present.join(", ")}: gen cannot tell which one you mean`,
      present.length === 0 ? "run gen in the project's root, or pass --dir" : "pass --lang",
    );
  }
  const manifest = await fromManifest(dir, chosen);
  const vars = varsOf(chosen, manifest.name, manifest.kind, manifest.module);
  return { lang: chosen, kind: manifest.kind, name: manifest.name, vars, detectedFrom: "manifest" };
}
