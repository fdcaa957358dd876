import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pythonLanguage } from "../../src/lang/python.js";
import type { NameResult, ProjectKind } from "../../src/lang/types.js";
import { assertReaching } from "./property-support.js";

function check(name: string, kind: ProjectKind = "cli"): NameResult {
  return pythonLanguage.templateVars({ name, kind, module: undefined });
}

function varsOf(name: string): Readonly<Record<string, string>> {
  const result = check(name);
  if (!result.ok) throw new Error(`expected "${name}" to be accepted: ${result.problem.rule}`);
  return result.vars;
}

function problemOf(name: string, kind: ProjectKind = "cli"): { rule: string; suggestion?: string } {
  const result = check(name, kind);
  if (result.ok) throw new Error(`expected "${name}" to be rejected`);
  const { rule, suggestion } = result.problem;
  return suggestion === undefined ? { rule } : { rule, suggestion };
}

const NORMALISED = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

describe("python names", () => {
  it("normalises the distribution name and maps dashes to underscores for the import name", () => {
    expect(varsOf("my-tool")).toEqual({
      distName: "my-tool",
      importName: "my_tool",
      pythonVersion: "3.11",
    });
    expect(varsOf("My.Cool__Tool")).toMatchObject({
      distName: "my-cool-tool",
      importName: "my_cool_tool",
    });
  });

  it("rejects characters PEP 508 does not allow, suggesting a cleaned name", () => {
    const spaced = problemOf("my tool!");
    expect(spaced.rule).toContain("PEP 508");
    expect(spaced.suggestion).toBe("my-tool");
    expect(problemOf("-edge-").suggestion).toBe("edge");
    expect(problemOf("")).toEqual({ rule: "a Python project name must not be empty" });
  });

  it("rejects an import name that starts with a digit", () => {
    const digit = problemOf("3d-print");
    expect(digit.rule).toContain("start with a digit");
    expect(digit.suggestion).toBe("py-3d-print");
  });

  it("rejects keywords and standard library names, suggesting one for the kind", () => {
    const keyword = problemOf("class");
    expect(keyword.rule).toContain("keyword");
    expect(keyword.suggestion).toBe("class-cli");
    const stdlib = problemOf("JSON", "lib");
    expect(stdlib.rule).toContain("standard library");
    expect(stdlib.suggestion).toBe("json-lib");
    expect(problemOf("tomllib").rule).toContain("standard library");
  });

  it("rejects names of the packages the generated project installs itself", () => {
    expect(problemOf("pytest").rule).toContain("installs");
    expect(problemOf("typing-extensions").suggestion).toBe("typing-extensions-cli");
    expect(problemOf("tests").rule).toContain("test package");
  });

  it("rejects names of the folders the template ships, suggesting one for the kind", () => {
    const scripts = problemOf("scripts");
    expect(scripts.rule).toContain("scripts/ folder");
    expect(scripts.suggestion).toBe("scripts-cli");
    expect(problemOf("SRC", "lib")).toEqual({
      rule: 'the import name "src" is taken by the generated project\'s src/ folder, which holds the package itself',
      suggestion: "src-lib",
    });
    expect(problemOf("tests").suggestion).toBe("tests-cli");
  });

  it("takes names up to 27 characters, what the generated code's lines have room for", () => {
    expect(check(`a${"b".repeat(26)}`).ok).toBe(true);
    const long = problemOf(`a${"b".repeat(27)}`);
    expect(long.rule).toContain("at most 27 characters");
    expect(long.suggestion).toBe(`a${"b".repeat(26)}`);
  });

  it("installs with uv sync whatever the caller's package manager", () => {
    expect(pythonLanguage.installCommand("npm")).toEqual({ cmd: "uv", args: ["sync"] });
  });

  const nameChars = fc.constantFrom(..."abcXYZ019._- !@".split(""));
  const anyName = fc.string({ unit: nameChars, maxLength: 16 });

  // Names of the shape PEP 508 allows, nearly all of them accepted, plus the wider alphabet.
  const nameShaped = fc.stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,14}[A-Za-z0-9]$/);

  it("accepted names yield a normalised distribution name and an importable module name", () => {
    assertReaching(
      fc.oneof(nameShaped, anyName),
      (name) => {
        const result = check(name);
        if (!result.ok) return false;
        const { distName = "", importName = "" } = result.vars;
        expect(distName).toMatch(NORMALISED);
        expect(importName).toMatch(IDENTIFIER);
        expect(importName).toBe(distName.replace(/-/g, "_"));
        return true;
      },
      // About half the cases are accepted (nearly every shaped name, a few in eight others).
      { numRuns: 500, minChecked: 200 },
    );
  });

  it("every suggestion is itself accepted", () => {
    assertReaching(
      fc.tuple(anyName, fc.constantFrom<ProjectKind>("cli", "lib")),
      ([name, kind]) => {
        const result = check(name, kind);
        if (result.ok || result.problem.suggestion === undefined) return false;
        expect(check(result.problem.suggestion, kind).ok).toBe(true);
        return true;
      },
      // About 69 % of these inputs are rejected with a suggestion.
      { numRuns: 500, minChecked: 250 },
    );
  });
});
