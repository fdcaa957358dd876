import type { PrecompiledSpecs } from "./types.js";

/** Replaced by the build with the precompiled templates of every python project (see types.ts). */
export const precompiled: PrecompiledSpecs = {};
