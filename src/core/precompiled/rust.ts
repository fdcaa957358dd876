import type { PrecompiledSpecs } from "./types.js";

/** Replaced by the build with the precompiled templates of every rust project (see types.ts). */
export const precompiled: PrecompiledSpecs = {};
