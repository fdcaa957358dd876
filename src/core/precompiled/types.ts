import type Runtime from "handlebars/runtime";

export type TemplateSpec = Parameters<typeof Runtime.template>[0];

/**
 * Handlebars templates compiled ahead of time, keyed by `sourceKey` of their source, one module per
 * language so a run parses only its own. Empty in src/; the build (.config/build.mjs) fills each
 * module, so a normal run never loads the handlebars compiler. Anything missing is compiled on
 * demand.
 */
export type PrecompiledSpecs = Readonly<Record<string, TemplateSpec>>;
