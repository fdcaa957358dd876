import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { tsLanguage } from "../../src/lang/ts.js";
import type { NameResult, ProjectKind, TemplateVars } from "../../src/lang/types.js";
import { assertReaching } from "./property-support.js";
import { npmAcceptsNewPackage } from "./toolchain-judges.js";

const BIN_NAME = /^[a-z0-9][a-z0-9._-]*$/;

function check(name: string, kind: ProjectKind = "cli"): NameResult {
  return tsLanguage.templateVars({ name, kind, module: undefined });
}

function varsOf(name: string): TemplateVars {
  const result = check(name);
  if (!result.ok) throw new Error(`expected "${name}" to be accepted: ${result.problem.rule}`);
  return result.vars;
}

describe("ts names", () => {
  it("keeps a plain name and uses it for the command", () => {
    expect(varsOf("ticket-tool")).toEqual({ packageName: "ticket-tool", binName: "ticket-tool" });
  });

  it("names the command of a scoped package after its bare name", () => {
    expect(varsOf("@acme/ticket.kit")).toEqual({
      packageName: "@acme/ticket.kit",
      binName: "ticket.kit",
    });
  });

  it.each([
    ["", "must not be empty", undefined],
    ["My Tool", "lowercase", "my-tool"],
    ["_private", "starts with a letter or digit", "private"],
    [".hidden", "starts with a letter or digit", "hidden"],
    ["hello world", "holds only", "hello-world"],
    ["tool!", "holds only", "tool"],
    ["@acme", "@scope/name", "acme"],
    ["@ac me/tool", "npm scope", "@ac-me/tool"],
    ["@_/fs", "npm scope", "fs-cli"],
    ["node_modules", "reserves", "node_modules-cli"],
    ["fs", "core module", "fs-cli"],
    ["x".repeat(215), "at most 214", "x".repeat(214)],
  ])("rejects %j: %s", (name, rule, suggestion) => {
    const result = check(name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.field).toBe("name");
    expect(result.problem.rule).toContain(rule);
    expect(result.problem.suggestion).toBe(suggestion);
  });

  it("allows a scoped package whose bare name is a core module", () => {
    expect(varsOf("@acme/fs")["binName"]).toBe("fs");
  });

  it("suggests a name for the kind when the name is a core module", () => {
    const result = check("http", "lib");
    expect(result.ok ? undefined : result.problem.suggestion).toBe("http-lib");
  });

  it("installs with the package manager it is given", () => {
    expect(tsLanguage.installCommand("npm")).toEqual({ cmd: "npm", args: ["install"] });
  });
});

describe("ts names (properties)", () => {
  const part = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,30}$/);
  // Beside random names, ones npm refuses for a new package: the module must turn them away.
  const npmEdges = fc.constantFrom("fs", "http", "node_modules", "favicon.ico", "@acme/fs");
  const accepted = fc
    .oneof(
      fc
        .tuple(fc.option(part, { nil: undefined }), part)
        .map(([scope, bare]) => (scope === undefined ? bare : `@${scope}/${bare}`)),
      npmEdges,
    )
    .filter((name) => check(name).ok);

  it("derives a package name npm accepts for a new package, and its command, from every accepted name", () => {
    fc.assert(
      fc.property(accepted, (name) => {
        const vars = varsOf(name);
        const packageName = vars["packageName"] ?? "";
        const binName = vars["binName"] ?? "";
        // npm's own name check is the judge, not a restatement of the generator.
        expect(npmAcceptsNewPackage(packageName), packageName).toBe(true);
        expect(binName).toMatch(BIN_NAME);
        expect(packageName.endsWith(binName)).toBe(true);
      }),
    );
  });

  it("only suggests names it would accept", () => {
    assertReaching(
      fc.string({ maxLength: 40 }),
      (name) => {
        const result = check(name);
        if (result.ok || result.problem.suggestion === undefined) return false;
        expect(check(result.problem.suggestion).ok).toBe(true);
        expect(npmAcceptsNewPackage(result.problem.suggestion)).toBe(true);
        return true;
      },
      // About 78 % of these inputs are rejected with a suggestion.
      { numRuns: 100, minChecked: 50 },
    );
  });
});
