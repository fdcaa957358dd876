import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { GO_VERSION, GOLANGCI_LINT_VERSION, goLanguage } from "../../src/lang/go.js";
import type { NameResult, ProjectKind, TemplateVars } from "../../src/lang/types.js";
import { assertReaching } from "./property-support.js";

const REPO = join(import.meta.dirname, "..", "..");
const KEYWORDS = ["func", "go", "type", "range", "map", "chan", "select", "var", "package"];
const PACKAGE_NAME = /^[a-z][a-z0-9]*$/;

function check(name: string, kind: ProjectKind = "cli", module?: string): NameResult {
  return goLanguage.templateVars({ name, kind, module });
}

function varsOf(name: string, kind: ProjectKind = "cli", module?: string): TemplateVars {
  const result = check(name, kind, module);
  if (!result.ok) throw new Error(`expected "${name}" to be accepted: ${result.problem.rule}`);
  return result.vars;
}

describe("go names", () => {
  it("derives module, package, binary and go line from the name", () => {
    expect(varsOf("ticket-tool")).toEqual({
      module: "example.com/ticket-tool",
      goPackage: "tickettool",
      binName: "ticket-tool",
      goVersion: "1.26.0",
    });
  });

  it("takes the package name from --module, skipping a major version suffix", () => {
    expect(varsOf("tool", "lib", "github.com/Acme/Go-Kit/v3")).toEqual({
      module: "github.com/Acme/Go-Kit/v3",
      goPackage: "gokit",
      binName: "tool",
      goVersion: GO_VERSION,
    });
  });

  it.each([
    ["", "must not be empty", undefined],
    ["My Tool", "lowercase ASCII letters", "my-tool"],
    ["my_tool", "lowercase ASCII letters", "my-tool"],
    ["2fast", "starts with a lowercase letter", "fast"],
    ["ticket--tool", "only between letters", "ticket-tool"],
    ["tool-", "only between letters", "tool"],
    ["func", "Go keyword", "func-cli"],
    ["string", "predeclared", "string-cli"],
    ["fmt", "standard library", "fmt-cli"],
    ["crypto", "standard library", "crypto-cli"],
    ["internal", "treats specially", "internal-cli"],
    ["nul", "Windows reserves", "nul-cli"],
    ["!!!", "lowercase ASCII letters", undefined],
  ])("rejects the name %j: %s", (name, rule, suggestion) => {
    const result = check(name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.field).toBe("name");
    expect(result.problem.rule).toContain(rule);
    expect(result.problem.suggestion).toBe(suggestion);
  });

  it("rejects main only for a library", () => {
    expect(check("main", "cli").ok).toBe(true);
    const lib = check("main", "lib");
    expect(lib.ok ? undefined : lib.problem.suggestion).toBe("main-lib");
  });

  it.each([
    ["github.com/me/tool/v1", "major version suffix", "github.com/me/tool"],
    ["github.com/me/tool/v02", "major version suffix", "github.com/me/tool"],
    ["github.com//tool", "no empty elements", "github.com/tool"],
    ["/github.com/me/tool", "no empty elements", "github.com/me/tool"],
    ["github.com/me/my tool", "only ASCII letters", "github.com/me/my-tool"],
    ["GitHub.com/me/tool", "first element is a lowercase", "github.com/me/tool"],
    ["github.com/me/.tool", "must not start with '.'", "github.com/me/tool"],
    ["github.com/me/tool.", "must not end with '.'", "github.com/me/tool"],
    ["github.com/me/tool~1", "Windows short name", "github.com/me/tool"],
    ["github.com/me/aux.go", "Windows reserves", undefined],
    ["tool", "has a dot", "example.com/tool"],
    ["net/tool", "has a dot", "example.com/net/tool"],
    ["github.com/me/errors", "standard library", "github.com/me/errors-cli"],
    ["github.com/me/internal", "treats specially", "github.com/me/internal-cli"],
    ["github.com/me/type", "Go keyword", "github.com/me/type-cli"],
    ["github.com/me/9lives", "starts with a letter", "github.com/me/lives"],
  ])("rejects the module %j: %s", (module, rule, suggestion) => {
    const result = check("tool", "cli", module);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.field).toBe("module");
    expect(result.problem.rule).toContain(rule);
    expect(result.problem.suggestion).toBe(suggestion);
  });

  it("readies the pinned linter as its install step", () => {
    expect(goLanguage.installCommand("npm")).toEqual({
      cmd: "./scripts/golangci-lint",
      args: ["version", "--short"],
    });
  });

  it.each([
    ["templates/go/common/scripts/golangci-lint", `readonly version="${GOLANGCI_LINT_VERSION}"`],
    ["templates/go/common/_github/workflows/ci.yml", `version: v${GOLANGCI_LINT_VERSION} `],
  ])("pins the same golangci-lint in %s", (file, text) => {
    expect(readFileSync(join(REPO, file), "utf8")).toContain(text);
  });
});

describe("go names (properties)", () => {
  // The go command is the judge: every module path the module accepts must pass `go mod init`.
  const scratch = mkdtempSync(join(tmpdir(), "lang-go-"));
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  function goAccepts(module: string): boolean {
    rmSync(join(scratch, "go.mod"), { force: true });
    const result = spawnSync("go", ["mod", "init", module], {
      cwd: scratch,
      stdio: "ignore",
      env: { ...process.env, GOTOOLCHAIN: "local", GOFLAGS: "" },
    });
    if (result.error !== undefined) throw result.error;
    return result.status === 0;
  }

  const anyName = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.stringMatching(/^[A-Za-z0-9_. -]{0,30}$/),
    fc.constantFrom(...KEYWORDS, "len", "error", "os", "vendor", "testdata", "com1", "main"),
  );
  const element = fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/);
  const anyModule = fc.oneof(
    fc.array(element, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("/")),
    fc
      .array(element, { minLength: 1, maxLength: 3 })
      .map((parts) => `example.com/${parts.join("/")}`),
    fc.tuple(element, fc.stringMatching(/^v[0-9]{1,2}$/)).map(([a, v]) => `example.com/${a}/${v}`),
    fc.string({ maxLength: 30 }),
  );
  // Module paths of the shape Go modules have (host with a dot, lowercase elements, maybe /vN):
  // most are accepted, so the property below reaches its assertions on most cases.
  const lower = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(?:[-._~][a-z0-9]{1,5})?$/);
  const moduleShaped = fc
    .tuple(
      lower,
      fc.constantFrom("com", "org", "io", "dev"),
      fc.array(lower, { minLength: 1, maxLength: 3 }),
      fc.option(fc.stringMatching(/^v[2-9][0-9]?$/), { nil: undefined }),
    )
    .map(([host, tld, parts, major]) =>
      [`${host}.${tld}`, ...parts, ...(major === undefined ? [] : [major])].join("/"),
    );

  it("derives vars that are valid for Go from every accepted name", () => {
    const accepted = fc
      .stringMatching(/^[a-z][a-z0-9-]{0,24}$/)
      .filter((name) => check(name, "lib").ok);
    fc.assert(
      fc.property(accepted, (name) => {
        const vars = varsOf(name, "lib");
        expect(vars["binName"]).toBe(name);
        expect(vars["goPackage"]).toMatch(PACKAGE_NAME);
        expect(KEYWORDS).not.toContain(vars["goPackage"]);
        expect(goAccepts(vars["module"] ?? "")).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it("accepts only module paths the go command accepts, with an importable package name", () => {
    assertReaching(
      fc.oneof({ arbitrary: moduleShaped, weight: 3 }, { arbitrary: anyModule, weight: 1 }),
      (module) => {
        const result = check("tool", "lib", module);
        if (!result.ok) return false;
        expect(goAccepts(module), module).toBe(true);
        expect(result.vars["goPackage"]).toMatch(PACKAGE_NAME);
        return true;
      },
      // About 57 % of these are accepted.
      { numRuns: 100, minChecked: 30 },
    );
  });

  it("only ever suggests a name it would accept", () => {
    assertReaching(
      fc.tuple(anyName, fc.constantFrom<ProjectKind>("cli", "lib")),
      ([name, kind]) => {
        const result = check(name, kind);
        if (result.ok || result.problem.suggestion === undefined) return false;
        expect(check(result.problem.suggestion, kind).ok).toBe(true);
        return true;
      },
      // About 70 % of these inputs are rejected with a suggestion.
      { numRuns: 100, minChecked: 40 },
    );
  });

  it("only ever suggests a module path it would accept", () => {
    assertReaching(
      fc.tuple(anyModule, fc.constantFrom<ProjectKind>("cli", "lib")),
      ([module, kind]) => {
        const result = check("tool", kind, module);
        if (result.ok || result.problem.suggestion === undefined) return false;
        expect(check("tool", kind, result.problem.suggestion).ok).toBe(true);
        expect(result.problem.suggestion).not.toBe(module);
        return true;
      },
      // About 63 % of these inputs are rejected with a suggestion.
      { numRuns: 100, minChecked: 40 },
    );
  });
});
