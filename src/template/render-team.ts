import type { ProjectFile } from "../core/files.js";
import { LitError } from "../core/errors.js";
import { isExecutablePath, outputSegment } from "../core/render.js";
import type { RenderContext, TemplateEngine } from "../core/template-engine.js";
import type { TemplateEntry } from "../core/template-tree.js";
import { globRegExp, matchesAny } from "./glob.js";
import type { Manifest } from "./manifest-schema.js";
import { refuse } from "./refusal.js";

const HBS = ".hbs";
const decoder = new TextDecoder("utf-8", { fatal: true });

/** Folders the tool and git own: a team file may not land there. */
const OWNED = [".git", ".litclaude"];

/** The template's files its rules take, and whether each one is rendered. */
export interface SelectedEntry {
  readonly entry: TemplateEntry;
  readonly rendered: boolean;
}

export function selectEntries(
  entries: readonly TemplateEntry[],
  rules: Manifest["files"],
): readonly SelectedEntry[] {
  const include = (rules?.include ?? ["**"]).map(globRegExp);
  const exclude = (rules?.exclude ?? []).map(globRegExp);
  const render = (rules?.render ?? []).map(globRegExp);
  return entries
    .filter((entry) => matchesAny(entry.path, include) && !matchesAny(entry.path, exclude))
    .map((entry) => ({
      entry,
      rendered: entry.path.endsWith(HBS) || matchesAny(entry.path, render),
    }));
}

/** Refuses an output path that would leave the project or land where tools keep their state. */
export function checkOutputPath(path: string, source: string): void {
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path))
    throw refuse(source, `renders to an absolute path (${path})`);
  const segments = path.split("/");
  for (const segment of segments) {
    if (segment === "..")
      throw refuse(source, `renders to a path that leaves the project (${path})`);
    if (segment === "" || segment === ".")
      throw refuse(source, `renders to a path with an empty part (${path})`);
    if (segment.includes("\\") || segment.includes("\0"))
      throw refuse(source, `renders to a path with \\ or NUL (${JSON.stringify(path)})`);
  }
  // Lower-cased: on a case-insensitive file system `.GIT/` is `.git/`.
  const first = segments[0] ?? "";
  if (OWNED.includes(first.toLowerCase()))
    throw refuse(source, `writes into ${first}/, which the tool and git own (${path})`);
}

function renderText(
  engine: TemplateEngine,
  source: string,
  where: string,
  context: RenderContext,
): string {
  try {
    return engine.render(source, where, context);
  } catch (error: unknown) {
    throw new LitError("usage", error instanceof Error ? error.message : String(error), {
      hint: "fix the template file, or answer the question it uses; nothing was written",
    });
  }
}

function outputPath(
  selected: SelectedEntry,
  engine: TemplateEngine,
  where: string,
  context: RenderContext,
): string {
  const path = selected.entry.path;
  const source = selected.rendered && path.endsWith(HBS) ? path.slice(0, -HBS.length) : path;
  return source
    .split("/")
    .map((part) => {
      if (!part.includes("{{")) return outputSegment(part);
      const rendered = renderText(engine, part, where, context);
      if (rendered.startsWith("/")) {
        throw refuse(path, `a path part renders to ${JSON.stringify(rendered)}, an absolute path`);
      }
      if (rendered.includes("/")) {
        throw refuse(path, `a path part renders to ${JSON.stringify(rendered)}, which holds a /`);
      }
      return outputSegment(rendered);
    })
    .join("/");
}

/**
 * Renders the team's files in memory: selected by the include/exclude rules, `.hbs` files and
 * those the `render` rule names rendered, path parts with `{{...}}` rendered, `_x` -> `.x`.
 * `into` is the folder inside the project (add's --dir). Writes nothing.
 */
export function renderTeamFiles(
  selected: readonly SelectedEntry[],
  engine: TemplateEngine,
  context: RenderContext,
  label: string,
  into: string,
): readonly ProjectFile[] {
  return selected.map((item) => {
    const where = `${label}/${item.entry.path}`;
    const relative = outputPath(item, engine, where, context);
    checkOutputPath(relative, item.entry.path);
    const path = into === "" || into === "." ? relative : `${into}/${relative}`;
    let content: string | Uint8Array = item.entry.bytes;
    if (item.rendered) {
      let source: string;
      try {
        source = decoder.decode(item.entry.bytes);
      } catch (error: unknown) {
        if (!(error instanceof TypeError)) throw error;
        throw refuse(item.entry.path, "is to be rendered but is not UTF-8 text");
      }
      content = renderText(engine, source, where, context);
    }
    return { path, content, executable: item.entry.executable || isExecutablePath(relative) };
  });
}

/** Every handlebars source the team's files hold: rendered contents and `{{` path parts. */
export function teamSources(
  selected: readonly SelectedEntry[],
): readonly { readonly path: string; readonly source: string }[] {
  const sources: { path: string; source: string }[] = [];
  for (const item of selected) {
    for (const part of item.entry.path.split("/")) {
      if (part.includes("{{")) sources.push({ path: item.entry.path, source: part });
    }
    if (!item.rendered) continue;
    try {
      sources.push({ path: item.entry.path, source: decoder.decode(item.entry.bytes) });
    } catch (error: unknown) {
      if (!(error instanceof TypeError)) throw error;
      throw refuse(item.entry.path, "is to be rendered but is not UTF-8 text");
    }
  }
  return sources;
}
