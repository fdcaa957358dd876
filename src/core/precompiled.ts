import type Runtime from "handlebars/runtime";

export type TemplateSpec = Parameters<typeof Runtime.template>[0];

/**
 * Handlebars templates compiled ahead of time, keyed by the sha256 of their source. Empty here;
 * the build (.config/build.mjs) replaces this module with every built-in template precompiled,
 * so a normal run never loads the handlebars compiler. Anything missing is compiled on demand.
 */
export const precompiled: Readonly<Record<string, TemplateSpec>> = {};
