// How the end-to-end name properties run: how many random names, which seed, and the fixed
// edge-case names every run scaffolds and gates before the random ones.
import type { Kind, Language } from "../../src/core/options.js";

/** Reads a whole number of at least `min` from the environment; anything else stops the run. */
export function wholeNumberFromEnv(
  variable: string,
  raw: string | undefined,
  fallback: number,
  min: number,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isSafeInteger(value) || value < min) {
    throw new Error(
      `${variable}=${JSON.stringify(raw)} is not a whole number of at least ${String(min)}; ` +
        `fix: set it to one (e.g. ${variable}=${String(fallback)}) or unset it`,
    );
  }
  return value;
}

/** Random names each language's property scaffolds and gates; raise it for a deeper local run. */
export const PROPERTY_RUNS = wholeNumberFromEnv(
  "LITCLAUDE_PROPERTY_RUNS",
  process.env["LITCLAUDE_PROPERTY_RUNS"],
  3,
  1,
);

/** One fixed name a language's property always scaffolds and gates, with why it is there. */
export interface EdgeName {
  readonly name: string;
  readonly kind: Kind;
  readonly why: string;
}

/**
 * Per language: the shortest valid name, the longest, each separator the language allows, and a
 * keyword of another of the four languages. Go sets no length limit, so a 100-character name
 * stands in for its longest.
 */
export const EDGE_NAMES: Readonly<Record<Language, readonly EdgeName[]>> = {
  go: [
    { name: "a", kind: "lib", why: "shortest" },
    { name: `a${"b".repeat(48)}-${"c".repeat(50)}`, kind: "cli", why: "longest (no limit: 100)" },
    { name: "a-b", kind: "lib", why: "separator -" },
    { name: "async", kind: "cli", why: "a Python and Rust keyword" },
  ],
  python: [
    { name: "a", kind: "cli", why: "shortest" },
    { name: `A${"b".repeat(25)}9`, kind: "cli", why: "longest (27, what fits ruff's lines)" },
    { name: "a.b", kind: "lib", why: "separator ." },
    { name: "a_b", kind: "cli", why: "separator _" },
    { name: "a-b", kind: "lib", why: "separator -" },
    { name: "fn", kind: "cli", why: "a Rust keyword" },
  ],
  rust: [
    { name: "a", kind: "cli", why: "shortest" },
    {
      name: `${"a".repeat(30)}-${"b".repeat(16)}_${"c".repeat(16)}`,
      kind: "lib",
      why: "longest (64, the package registry's limit)",
    },
    { name: "a-b", kind: "cli", why: "separator -" },
    // a_a once failed clippy's doc_markdown through the crate doc line: kept as a regression.
    { name: "a_a", kind: "lib", why: "separator _" },
    { name: "lambda", kind: "cli", why: "a Python keyword" },
  ],
  ts: [
    { name: "a", kind: "lib", why: "shortest" },
    {
      name: `@${"a".repeat(100)}/${"b".repeat(112)}`,
      kind: "cli",
      why: "longest (214, npm's limit), scoped",
    },
    { name: "a.b", kind: "cli", why: "separator ." },
    { name: "a_b", kind: "lib", why: "separator _" },
    { name: "a-b", kind: "cli", why: "separator -" },
    { name: "@a/b", kind: "lib", why: "separator / of a scope" },
    { name: "func", kind: "cli", why: "a Go keyword" },
  ],
};

export interface PropertyParameters {
  /** Edge names plus PROPERTY_RUNS random ones (fast-check counts examples within numRuns). */
  readonly numRuns: number;
  readonly seed: number;
  readonly examples: [string, Kind][];
}

/** The run's parameters for one language; prints the seed so a failing run can be replayed. */
export function propertyParameters(lang: Language): PropertyParameters {
  const seed = wholeNumberFromEnv(
    "LITCLAUDE_PROPERTY_SEED",
    process.env["LITCLAUDE_PROPERTY_SEED"],
    Date.now() % 2 ** 31,
    0,
  );
  const examples = EDGE_NAMES[lang].map(({ name, kind }): [string, Kind] => [name, kind]);
  console.log(
    `${lang} name property: ${String(examples.length)} edge names + ${String(PROPERTY_RUNS)} ` +
      `random, seed ${String(seed)} (replay: LITCLAUDE_PROPERTY_SEED=${String(seed)})`,
  );
  return { numRuns: examples.length + PROPERTY_RUNS, seed, examples };
}

/** How many names a language's property scaffolds and gates, for its timeout. */
export function propertyCases(lang: Language): number {
  return EDGE_NAMES[lang].length + PROPERTY_RUNS;
}
