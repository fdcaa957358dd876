import type { PrecompiledSpecs } from "./types.js";

/** Replaced by the build with the precompiled templates of every go project (see types.ts). */
export const precompiled: PrecompiledSpecs = {};
