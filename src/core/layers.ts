import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Kind, Language } from "./options.js";
import { packageRoot } from "./package-root.js";
import type { Layer } from "./render.js";
import { readTemplateTree } from "./template-tree.js";

/** The built-in layers for a language and kind, in the order DESIGN.md and templates/README.md give. */
export async function builtinLayers(lang: Language, kind: Kind): Promise<readonly Layer[]> {
  const root = packageRoot();
  const specs = [
    { label: "templates/shared", into: "", verbatim: false },
    { label: `templates/${lang}/common`, into: "", verbatim: false },
    { label: `templates/${lang}/${kind}`, into: "", verbatim: false },
    { label: `content/no-excuse/${lang}/files`, into: "", verbatim: true, dotfiles: true },
  ];
  return Promise.all(
    specs.map(async (spec) => ({
      ...spec,
      entries: await readTemplateTree(join(root, spec.label)),
    })),
  );
}

async function readOptional(file: string): Promise<string> {
  return readFile(file, "utf8").catch(() => "");
}

/** Partials every `.hbs` file may use; a missing source file renders as empty text. */
export async function builtinPartials(lang: Language): Promise<Readonly<Record<string, string>>> {
  const content = join(packageRoot(), "content");
  const [agentsCommon, agentsLang, noExcuseRules] = await Promise.all([
    readOptional(join(content, "agents", "common.md")),
    readOptional(join(content, "agents", `${lang}.md`)),
    readOptional(join(content, "no-excuse", lang, "AGENTS.md")),
  ]);
  return { agentsCommon, agentsLang, noExcuseRules };
}
