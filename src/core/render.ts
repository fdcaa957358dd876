import Handlebars from "handlebars";
import type { ProjectFile } from "./files.js";
import type { TemplateEntry } from "./template-tree.js";

export type RenderContext = Readonly<Record<string, string | boolean>>;

/** A layer of templates: `.hbs` files are rendered unless the layer is verbatim. */
export interface Layer {
  readonly label: string;
  readonly entries: readonly TemplateEntry[];
  /** Output folder inside the project ("" for the root). */
  readonly into: string;
  readonly verbatim: boolean;
}

const HBS = ".hbs";
const DOTFILE_SEGMENT = /^_(?=[a-z0-9])/i;

/** `_gitignore` -> `.gitignore`; `__init__.py` stays as it is. */
export function outputSegment(segment: string): string {
  return DOTFILE_SEGMENT.test(segment) ? `.${segment.slice(1)}` : segment;
}

export function isExecutablePath(path: string): boolean {
  return path.startsWith("scripts/");
}

function compile(
  handlebars: typeof Handlebars,
  source: string,
  where: string,
): (context: RenderContext) => string {
  const template = handlebars.compile(source, { noEscape: true, strict: true });
  return (context) => {
    try {
      return template(context);
    } catch (error: unknown) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`template ${where}: ${reason}`, { cause: error });
    }
  };
}

function renderPath(
  handlebars: typeof Handlebars,
  path: string,
  context: RenderContext,
  where: string,
): string {
  const segments = path.split("/").map((segment) => {
    const rendered = segment.includes("{{")
      ? compile(handlebars, segment, where)(context)
      : segment;
    return outputSegment(rendered);
  });
  return segments.join("/");
}

/**
 * Renders layers into one in-memory list of files. A later layer wins when two produce the same
 * path. Pure: reads nothing, writes nothing.
 */
export function renderLayers(
  layers: readonly Layer[],
  context: RenderContext,
  partials: Readonly<Record<string, string>>,
): readonly ProjectFile[] {
  const handlebars = Handlebars.create();
  for (const [name, source] of Object.entries(partials)) handlebars.registerPartial(name, source);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const byPath = new Map<string, ProjectFile>();
  for (const layer of layers) {
    for (const entry of layer.entries) {
      const where = `${layer.label}/${entry.path}`;
      const isTemplate = !layer.verbatim && entry.path.endsWith(HBS);
      const sourcePath = isTemplate ? entry.path.slice(0, -HBS.length) : entry.path;
      const relativePath = layer.verbatim
        ? sourcePath
        : renderPath(handlebars, sourcePath, context, where);
      const path = layer.into === "" ? relativePath : `${layer.into}/${relativePath}`;
      const content = isTemplate
        ? compile(handlebars, decoder.decode(entry.bytes), where)(context)
        : entry.bytes;
      byPath.set(path, {
        path,
        content,
        executable: entry.executable || isExecutablePath(path),
      });
    }
  }
  return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
}
