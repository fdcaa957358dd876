import Runtime from "handlebars/runtime";
import type { PrecompiledSpecs } from "./precompiled/types.js";

export type RenderContext = Readonly<Record<string, string | boolean>>;

/** Renders handlebars sources; built for one set of sources and partials. */
export interface TemplateEngine {
  readonly render: (source: string, where: string, context: RenderContext) => string;
}

export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/**
 * Identifies a template source: its length and two independent 32-bit hashes (FNV-1a, djb2).
 * Plain JS on purpose, so a run does not load node:crypto; the build refuses two sources with
 * one key, and a source whose key it did not precompile is simply compiled.
 */
export function sourceKey(source: string): string {
  let fnv = 0x811c9dc5;
  let djb = 5381;
  for (let index = 0; index < source.length; index += 1) {
    const code = source.charCodeAt(index);
    fnv = Math.imul(fnv ^ code, 0x01000193) >>> 0;
    djb = (Math.imul(djb, 33) + code) >>> 0;
  }
  return `${source.length.toString(36)}-${fnv.toString(36)}-${djb.toString(36)}`;
}

type TemplateDelegate = ReturnType<typeof Runtime.template>;
type Compile = (source: string) => TemplateDelegate;

/**
 * Uses the precompiled form of each source when the build made one, and loads the handlebars
 * compiler only for sources it did not (a template edited since the build, or a team template).
 */
export async function loadEngine(
  sources: readonly string[],
  partials: Readonly<Record<string, string>>,
  precompiled: PrecompiledSpecs = {},
  /** Helpers a team template may call (src/template/safe-handlebars.ts); none for ours. */
  helpers: Readonly<Record<string, (...args: readonly unknown[]) => unknown>> = {},
): Promise<TemplateEngine> {
  const runtime = Runtime.create();
  const all = [...sources, ...Object.values(partials)];
  let compile: Compile | undefined;
  if (all.some((source) => precompiled[sourceKey(source)] === undefined)) {
    const { default: Handlebars } = await import("handlebars");
    const compiler = Handlebars.create();
    compile = (source) => compiler.compile(source, COMPILE_OPTIONS);
  }
  const cache = new Map<string, TemplateDelegate>();
  const template = (source: string): TemplateDelegate => {
    const key = sourceKey(source);
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const spec = precompiled[key];
    const made = spec === undefined ? compileWith(compile, source) : runtime.template(spec);
    cache.set(key, made);
    return made;
  };
  for (const [name, source] of Object.entries(partials)) {
    runtime.registerPartial(name, template(source));
  }
  return {
    render: (source, where, context) => {
      try {
        return template(source)(context, { partials: runtime.partials, helpers });
      } catch (error: unknown) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`template ${where}: ${reason}`, { cause: error });
      }
    },
  };
}

function compileWith(compile: Compile | undefined, source: string): TemplateDelegate {
  if (compile === undefined) throw new Error("handlebars compiler was not loaded for a new source");
  return compile(source);
}
