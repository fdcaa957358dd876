// Precompiles every built-in handlebars source (template files, path segments with variables,
// partials) so the shipped CLI renders with the small handlebars runtime and never loads the
// compiler. The options must match COMPILE_OPTIONS in src/core/template-engine.ts.
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import Handlebars from "handlebars";

const OPTIONS = { noEscape: true, strict: true };

async function filesBelow(dir) {
  const dirents = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return dirents
    .filter((dirent) => dirent.isFile())
    .map((dirent) => join(dirent.parentPath, dirent.name));
}

/** Every source the renderer may be asked to render for one language's projects. */
export async function builtinSources(root, lang) {
  // "" is what a missing partial renders from.
  const sources = new Set([""]);
  for (const folder of ["shared", lang]) {
    const base = join(root, "templates", folder);
    for (const file of await filesBelow(base)) {
      const path = relative(base, file).replace(/\.hbs$/, "");
      for (const segment of path.split("/")) if (segment.includes("{{")) sources.add(segment);
      if (file.endsWith(".hbs")) sources.add(await readFile(file, "utf8"));
    }
  }
  const partials = [
    join(root, "content", "agents", "common.md"),
    join(root, "content", "agents", `${lang}.md`),
    join(root, "content", "no-excuse", lang, "AGENTS.md"),
  ];
  for (const file of partials) sources.add(await readFile(file, "utf8").catch(() => ""));
  return [...sources];
}

/** Same as sourceKey in src/core/template-engine.ts (test/unit/precompiled.test.ts checks). */
export function sourceKey(source) {
  let fnv = 0x811c9dc5;
  let djb = 5381;
  for (let index = 0; index < source.length; index += 1) {
    const code = source.charCodeAt(index);
    fnv = Math.imul(fnv ^ code, 0x01000193) >>> 0;
    djb = (Math.imul(djb, 33) + code) >>> 0;
  }
  return `${source.length.toString(36)}-${fnv.toString(36)}-${djb.toString(36)}`;
}

/** The JS module that replaces src/core/precompiled/<lang>.ts in the bundle. */
export async function precompiledModule(root, lang) {
  const sources = await builtinSources(root, lang);
  const keys = new Set(sources.map(sourceKey));
  if (keys.size !== sources.length) throw new Error(`two ${lang} template sources share one key`);
  const entries = sources.map(
    (source) => `${JSON.stringify(sourceKey(source))}: ${Handlebars.precompile(source, OPTIONS)}`,
  );
  return `export const precompiled = {\n${entries.join(",\n")}\n};\n`;
}
