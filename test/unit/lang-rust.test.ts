import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { rustLanguage } from "../../src/lang/rust.js";
import type { NameResult, ProjectKind, TemplateVars } from "../../src/lang/types.js";
import { assertReaching } from "./property-support.js";
import { cargoJudge } from "./toolchain-judges.js";

/** A snake-case Rust identifier: what rustc accepts for a crate without a lint warning. */
const SNAKE_IDENT = /^[a-z](?:_?[a-z0-9])*_?$/;
const KEYWORDS = ["fn", "match", "crate", "self", "super", "async", "gen", "try", "yield"];

function check(name: string, kind: ProjectKind = "cli"): NameResult {
  return rustLanguage.templateVars({ name, kind, module: undefined });
}

function varsOf(name: string): TemplateVars {
  const result = check(name);
  if (!result.ok) throw new Error(`expected "${name}" to be accepted: ${result.problem.rule}`);
  return result.vars;
}

describe("rust names", () => {
  it("derives the crate identifier, the binary and the compiler floor from the name", () => {
    expect(varsOf("ticket-tool")).toEqual({
      crateName: "ticket-tool",
      crateIdent: "ticket_tool",
      binName: "ticket-tool",
      rustVersion: "1.85",
    });
  });

  it.each([
    ["", "must not be empty", undefined],
    ["My Tool", "holds only ASCII letters", "my-tool"],
    ["MyTool", "lowercase", "mytool"],
    ["café", "holds only ASCII letters", "caf"],
    ["2fast", "starts with an ASCII letter", "fast"],
    ["_private", "starts with an ASCII letter", "private"],
    ["ticket--tool", "two '-' or '_' in a row", "ticket-tool"],
    ["fn", "Rust keyword", "fn-cli"],
    ["gen", "Rust keyword", "gen-cli"],
    ["std", "ships with Rust", "std-cli"],
    ["proc-macro", "ships with Rust", "proc-macro-cli"],
    ["build", "folder Cargo keeps", "build-cli"],
    ["nul", "Windows reserves", "nul-cli"],
    ["x".repeat(65), "at most 64", "x".repeat(64)],
    ["!!!", "holds only ASCII letters", undefined],
  ])("rejects %j: %s", (name, rule, suggestion) => {
    const result = check(name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.field).toBe("name");
    expect(result.problem.rule).toContain(rule);
    expect(result.problem.suggestion).toBe(suggestion);
  });

  it("suggests a name for the kind, within the length limit", () => {
    const result = check("test", "lib");
    expect(result.ok ? undefined : result.problem.suggestion).toBe("test-lib");
    const long = check(`${"a".repeat(70)}!`, "lib");
    expect(long.ok ? undefined : long.problem.suggestion).toBe("a".repeat(64));
  });

  it("accepts names that merely contain a keyword or a std crate", () => {
    expect(varsOf("fn-utils")["crateIdent"]).toBe("fn_utils");
    expect(varsOf("std_ext")["crateName"]).toBe("std_ext");
    expect(varsOf("x".repeat(64))["crateName"]).toHaveLength(64);
  });

  it("fetches with the lock file held fixed", () => {
    expect(rustLanguage.installCommand("npm")).toEqual({
      cmd: "cargo",
      args: ["fetch", "--locked"],
    });
  });
});

describe("rust names (properties)", () => {
  const anyName = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.stringMatching(/^[A-Za-z0-9_ -]{0,70}$/),
    fc.constantFrom(...KEYWORDS, "core", "alloc", "deps", "lpt3"),
  );

  it("derives a crate name cargo accepts and its lib identifier from every accepted name", () => {
    // cargo is the judge: `cargo new` takes the name without an error or a warning, and the lib
    // target it derives is the identifier the templates `use`.
    // Beside random names, ones cargo refuses or warns about: the module must turn them away.
    const cargoEdges = fc.constantFrom("fn", "test", "core", "std", "proc_macro", "lpt3", "deps");
    const accepted = fc
      .oneof(fc.stringMatching(/^[a-z][a-z0-9_-]{0,63}$/), cargoEdges, fc.constant("a-b_c"))
      .filter((name) => check(name).ok);
    fc.assert(
      fc.property(accepted, (name) => {
        const vars = varsOf(name);
        const verdict = cargoJudge(vars["crateName"] ?? "");
        expect(verdict.accepted, verdict.output).toBe(true);
        expect(vars["binName"]).toBe(vars["crateName"]);
        const ident = vars["crateIdent"] ?? "";
        expect(ident).toBe(verdict.libTarget);
        expect(ident).toMatch(SNAKE_IDENT);
        expect(KEYWORDS).not.toContain(ident);
      }),
      { numRuns: 40 },
    );
  });

  it("only ever suggests a name it would accept", () => {
    assertReaching(
      fc.tuple(anyName, fc.constantFrom<ProjectKind>("cli", "lib")),
      ([name, kind]) => {
        const result = check(name, kind);
        if (result.ok || result.problem.suggestion === undefined) return false;
        expect(check(result.problem.suggestion, kind).ok).toBe(true);
        expect(result.problem.suggestion).not.toBe(name);
        return true;
      },
      // About 80 % of these inputs are rejected with a suggestion.
      { numRuns: 100, minChecked: 50 },
    );
  });
});
