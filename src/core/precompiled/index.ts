import type { Language } from "../options.js";
import type { PrecompiledSpecs } from "./types.js";

/** The precompiled templates of one language's projects, loaded only when that language is used. */
export async function precompiledFor(lang: Language): Promise<PrecompiledSpecs> {
  switch (lang) {
    case "go":
      return (await import("./go.js")).precompiled;
    case "python":
      return (await import("./python.js")).precompiled;
    case "rust":
      return (await import("./rust.js")).precompiled;
    case "ts":
      return (await import("./ts.js")).precompiled;
  }
}
