import { afterEach, describe, expect, it, vi } from "vitest";
import { LANGUAGES, type Language } from "../../src/core/options.js";
import { languageModule } from "../../src/lang/index.js";
import {
  EDGE_NAMES,
  PROPERTY_RUNS,
  propertyCases,
  propertyParameters,
  wholeNumberFromEnv,
} from "../e2e/property-plan.js";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.resetModules();
});

describe("LITCLAUDE_PROPERTY_RUNS", () => {
  it.each(["0", "-1", "abc", "", " ", "1.5", "3x", "Infinity"])("rejects %j loudly", (raw) => {
    expect(() => wholeNumberFromEnv("LITCLAUDE_PROPERTY_RUNS", raw, 3, 1)).toThrow(
      `LITCLAUDE_PROPERTY_RUNS=${JSON.stringify(raw)} is not a whole number of at least 1`,
    );
  });

  it("takes a whole number, and the default when unset", () => {
    expect(wholeNumberFromEnv("LITCLAUDE_PROPERTY_RUNS", "12", 3, 1)).toBe(12);
    expect(wholeNumberFromEnv("LITCLAUDE_PROPERTY_RUNS", undefined, 3, 1)).toBe(3);
  });

  it("stops every e2e file that loads the plan when set to 0", async () => {
    vi.stubEnv("LITCLAUDE_PROPERTY_RUNS", "0");
    vi.resetModules();
    await expect(import("../e2e/property-plan.js")).rejects.toThrow(
      'LITCLAUDE_PROPERTY_RUNS="0" is not a whole number of at least 1',
    );
  });
});

describe("the e2e name property plan", () => {
  it("runs every edge name plus the random ones, and prints the seed to replay", () => {
    vi.stubEnv("LITCLAUDE_PROPERTY_SEED", "4242");
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const plan = propertyParameters("rust");
    expect(plan.seed).toBe(4242);
    expect(plan.examples).toContainEqual(["a_a", "lib"]);
    expect(plan.numRuns).toBe(EDGE_NAMES.rust.length + PROPERTY_RUNS);
    expect(propertyCases("rust")).toBe(plan.numRuns);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("LITCLAUDE_PROPERTY_SEED=4242"));
  });

  it("prints a fresh seed when none is given", () => {
    vi.stubEnv("LITCLAUDE_PROPERTY_SEED", undefined);
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const { seed } = propertyParameters("go");
    expect(log).toHaveBeenCalledWith(expect.stringContaining(`seed ${String(seed)}`));
  });
});

// A keyword of each language, for the "keyword of another language" edge names.
const KEYWORDS: Readonly<Record<Language, readonly string[]>> = {
  go: ["func", "chan", "select", "go", "defer"],
  python: ["async", "lambda", "def", "yield", "nonlocal"],
  rust: ["fn", "async", "impl", "crate", "match"],
  ts: ["function", "enum", "interface", "typeof"],
};

const LONGEST: Readonly<Partial<Record<Language, number>>> = { python: 27, rust: 64, ts: 214 };
const SEPARATORS: Readonly<Record<Language, readonly string[]>> = {
  go: ["-"],
  python: [".", "_", "-"],
  rust: ["-", "_"],
  ts: [".", "_", "-", "/"],
};

describe.each(LANGUAGES)("the %s edge names", (lang) => {
  const edges = EDGE_NAMES[lang];
  const names = edges.map((edge) => edge.name);

  it("are all accepted by the language's rules, in both kinds between them", () => {
    for (const { name, kind } of edges) {
      const result = languageModule(lang).templateVars({ name, kind, module: undefined });
      expect(result.ok, `${lang} ${name}`).toBe(true);
    }
    expect(new Set(edges.map((edge) => edge.kind))).toEqual(new Set(["cli", "lib"]));
  });

  it("hold the shortest name, the longest, each separator and another language's keyword", () => {
    expect(Math.min(...names.map((name) => name.length))).toBe(1);
    expect(Math.max(...names.map((name) => name.length))).toBe(LONGEST[lang] ?? 100);
    for (const separator of SEPARATORS[lang]) {
      expect(
        names.some((name) => name.length <= 4 && name.includes(separator)),
        separator,
      ).toBe(true);
    }
    const others = LANGUAGES.filter((other) => other !== lang).flatMap((other) => KEYWORDS[other]);
    expect(names.some((name) => others.includes(name))).toBe(true);
  });
});
