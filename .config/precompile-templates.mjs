// Precompiles every built-in handlebars source (template files, path segments with variables,
// partials) so the shipped CLI renders with the small handlebars runtime and never loads the
// compiler. The options must match COMPILE_OPTIONS in src/core/template-engine.ts.
import { createHash } from "node:crypto";
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

/** Every source the renderer may be asked to render, for the package rooted at `root`. */
export async function builtinSources(root) {
  // "" is what a missing partial renders from.
  const sources = new Set([""]);
  for (const file of await filesBelow(join(root, "templates"))) {
    const path = relative(join(root, "templates"), file).replace(/\.hbs$/, "");
    for (const segment of path.split("/")) if (segment.includes("{{")) sources.add(segment);
    if (file.endsWith(".hbs")) sources.add(await readFile(file, "utf8"));
  }
  const partialFiles = [
    ...(await filesBelow(join(root, "content", "agents"))),
    ...(await filesBelow(join(root, "content", "no-excuse"))).filter((file) =>
      /no-excuse\/[^/]+\/AGENTS\.md$/.test(file),
    ),
  ];
  for (const file of partialFiles) sources.add(await readFile(file, "utf8"));
  return [...sources];
}

export function sourceKey(source) {
  return createHash("sha256").update(source).digest("hex");
}

/** The JS module that replaces src/core/precompiled.ts in the bundle. */
export async function precompiledModule(root) {
  const entries = (await builtinSources(root)).map(
    (source) => `${JSON.stringify(sourceKey(source))}: ${Handlebars.precompile(source, OPTIONS)}`,
  );
  return `export const precompiled = {\n${entries.join(",\n")}\n};\n`;
}
