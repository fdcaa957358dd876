import type { PrecompiledSpecs } from "./types.js";

/** Replaced by the build with the precompiled templates of every ts project (see types.ts). */
export const precompiled: PrecompiledSpecs = {};
