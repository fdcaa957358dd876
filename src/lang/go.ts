import type { LanguageModule, NameInput, NameProblem, NameResult, ProjectKind } from "./types.js";

/**
 * The `go` line of generated go.mod files: Go 1.26 is the oldest release line the Go team still
 * patches, and the pinned golangci-lint (v2.15.0) itself needs go >= 1.26.0 to build.
 */
export const GO_VERSION = "1.26.0";

/** The golangci-lint release the gate runs, as pinned in the template's scripts/golangci-lint. */
export const GOLANGCI_LINT_VERSION = "2.15.0";

const KEYWORDS: ReadonlySet<string> = new Set(
  (
    "break case chan const continue default defer else fallthrough for func go goto if import " +
    "interface map package range return select struct switch type var"
  ).split(" "),
);

/** Predeclared identifiers: a package of that name shadows them wherever it is imported. */
const PREDECLARED: ReadonlySet<string> = new Set(
  (
    "any append bool byte cap clear close comparable complex complex64 complex128 copy delete " +
    "error false float32 float64 imag int int8 int16 int32 int64 iota len make max min new nil " +
    "panic print println real recover rune string true uint uint8 uint16 uint32 uint64 uintptr"
  ).split(" "),
);

/** Top-level standard library names: a package named like one needs an alias beside it. */
const STD_ROOTS: ReadonlySet<string> = new Set(
  (
    "archive bufio bytes cmd cmp compress container context crypto database debug embed encoding " +
    "errors expvar flag fmt go hash html image index internal io iter log maps math mime net os " +
    "path plugin reflect regexp runtime slices sort strconv strings structs sync syscall testing " +
    "text time unicode unique unsafe vendor weak"
  ).split(" "),
);

/** Path elements the go command gives a meaning of their own. */
const SPECIAL_ELEMENTS: ReadonlySet<string> = new Set(["internal", "testdata", "vendor"]);

/** Windows device names, which Go refuses as a path element (before any dot, any case). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/** Go's convention: the package name is the import path's last element, lowercase, no dashes. */
function packageOf(element: string): string {
  return element.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** The rule a package name breaks, or undefined when code can import and refer to it. */
function packageRule(pkg: string, kind: ProjectKind): string | undefined {
  if (!/^[a-z]/.test(pkg)) return "a Go package name starts with a letter";
  if (KEYWORDS.has(pkg)) return `"${pkg}" is a Go keyword, so it cannot name a package`;
  if (PREDECLARED.has(pkg)) {
    return `"${pkg}" is a predeclared Go identifier, which the package name would shadow`;
  }
  if (STD_ROOTS.has(pkg)) {
    return `"${pkg}" is a standard library name, so code using both would need an import alias`;
  }
  if (kind === "lib" && pkg === "main")
    return 'a library\'s package cannot be "main" (that makes a command)';
  return undefined;
}

/** The rule the project name breaks as a name, or undefined when it has the shape of one. */
function nameRule(name: string): string | undefined {
  if (name.length === 0) return "a Go project name must not be empty";
  if (!/^[a-z0-9-]+$/.test(name)) {
    return (
      "a Go project name holds only lowercase ASCII letters, digits and '-' (it names the module, " +
      "the command folder cmd/<name> and, without dashes, the package)"
    );
  }
  if (!/^[a-z]/.test(name)) return "a Go project name starts with a lowercase letter";
  if (/--|-$/.test(name)) return "a Go project name has '-' only between letters or digits";
  if (WINDOWS_RESERVED.test(name)) return `"${name}" is a file name Windows reserves`;
  if (SPECIAL_ELEMENTS.has(name))
    return `"${name}" is a folder name the go command treats specially`;
  return undefined;
}

/**
 * The module path when --module is not given. Go keeps dotless paths for the standard library
 * (its formatters group such imports with it), and example.com is reserved, so it never clashes.
 */
function derivedModule(name: string): string {
  return `example.com/${name}`;
}

/** Without --module the name also makes the module path, which must be valid too. */
function derivedNameRule(name: string, kind: ProjectKind): string | undefined {
  return (
    nameRule(name) ?? packageRule(packageOf(name), kind) ?? moduleRule(derivedModule(name), kind)
  );
}

function elementRule(element: string, first: boolean): string | undefined {
  if (element.length === 0)
    return "a module path has no empty elements (no leading, trailing or double '/')";
  if (!/^[A-Za-z0-9._~-]+$/.test(element)) {
    return "a module path holds only ASCII letters, digits and '.', '-', '_', '~', with '/' between elements";
  }
  if (/^[.-]/.test(element))
    return `module path element "${element}" must not start with '.' or '-'`;
  if (element.endsWith(".")) return `module path element "${element}" must not end with '.'`;
  const beforeDot = element.split(".")[0] ?? "";
  if (/~[0-9]+$/.test(beforeDot)) {
    return `module path element "${element}" must not end in '~' and digits, before a dot or at its end (a Windows short name)`;
  }
  if (WINDOWS_RESERVED.test(beforeDot)) {
    return `module path element "${element}" is a name Windows reserves`;
  }
  if (first && !/^[a-z0-9.-]+$/.test(element)) {
    return "a module path's first element is a lowercase domain or word: letters, digits, '.' and '-'";
  }
  return undefined;
}

/** The module path's elements without a trailing major version suffix (`/v2`, `/v3`, ...). */
function splitVersion(elements: readonly string[]): { base: readonly string[]; rule?: string } {
  const last = elements.at(-1) ?? "";
  if (elements.length < 2 || !/^v[0-9]+$/.test(last)) return { base: elements };
  if (!/^v[1-9][0-9]*$/.test(last) || last === "v1") {
    return {
      base: elements,
      rule: `a major version suffix is /v2 or later without leading zeros, not /${last} (v0 and v1 have none)`,
    };
  }
  return { base: elements.slice(0, -1) };
}

function moduleRule(module: string, kind: ProjectKind): string | undefined {
  const elements = module.split("/");
  for (const [i, element] of elements.entries()) {
    const rule = elementRule(element, i === 0);
    if (rule !== undefined) return rule;
  }
  if (!(elements[0] ?? "").includes(".")) {
    return (
      "a module path's first element has a dot (a domain such as github.com or example.com): " +
      "Go keeps dotless paths for the standard library"
    );
  }
  const { base, rule } = splitVersion(elements);
  if (rule !== undefined) return rule;
  const last = base.at(-1) ?? "";
  if (SPECIAL_ELEMENTS.has(last)) {
    return `a module path must not end in "${last}", a folder name the go command treats specially`;
  }
  const pkgRule = packageRule(packageOf(last), kind);
  return pkgRule === undefined ? undefined : `the package name from "${last}": ${pkgRule}`;
}

function cleanName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^[^a-z]+/, "")
    .replace(/-+$/, "");
}

function suggestName(name: string, kind: ProjectKind): string | undefined {
  let candidate = cleanName(name);
  if (candidate === "") return undefined;
  if (derivedNameRule(candidate, kind) !== undefined) candidate = `${candidate}-${kind}`;
  return derivedNameRule(candidate, kind) === undefined && candidate !== name
    ? candidate
    : undefined;
}

function cleanElement(element: string, first: boolean): string {
  const kept = element
    .replace(/[^A-Za-z0-9._~-]+/g, "-")
    .replace(/^[.-]+/, "")
    .replace(/~[0-9]+(?=\.|$)/g, "")
    .replace(/(~[0-9]*|[.-])+$/, "");
  return first ? kept.toLowerCase() : kept;
}

function suggestModule(module: string, kind: ProjectKind): string | undefined {
  const elements = module
    .split("/")
    .map((element, i) => cleanElement(element, i === 0))
    .filter((element) => element !== "");
  // A v0 or v1 suffix is simply dropped: those major versions carry none.
  if (elements.length > 1 && /^v(?:[01]|0[0-9]+)$/.test(elements.at(-1) ?? "")) elements.pop();
  // The package name comes from the last element before any /vN: it must start with a letter.
  const pkgAt = elements.length > 1 && /^v[0-9]+$/.test(elements.at(-1) ?? "") ? -2 : -1;
  const pkgElement = (elements.at(pkgAt) ?? "").replace(/^[^A-Za-z]+/, "");
  if (pkgElement === "") return undefined;
  elements[elements.length + pkgAt] = pkgElement;
  if (!(elements[0] ?? "").includes(".")) elements.unshift("example.com");
  let candidate = elements.join("/");
  if (moduleRule(candidate, kind) !== undefined) candidate = `${candidate}-${kind}`;
  return moduleRule(candidate, kind) === undefined && candidate !== module ? candidate : undefined;
}

function problem(
  field: NameProblem["field"],
  rule: string,
  suggestion: string | undefined,
): NameResult {
  return { ok: false, problem: { field, rule, suggestion } };
}

function templateVars(input: NameInput): NameResult {
  const { name, kind } = input;
  if (input.module === undefined) {
    const rule = derivedNameRule(name, kind);
    if (rule !== undefined) return problem("name", rule, suggestName(name, kind));
  } else {
    const nameBroken = nameRule(name);
    if (nameBroken !== undefined) return problem("name", nameBroken, suggestName(name, kind));
    const moduleBroken = moduleRule(input.module, kind);
    if (moduleBroken !== undefined) {
      return problem("module", moduleBroken, suggestModule(input.module, kind));
    }
  }
  const module = input.module ?? derivedModule(name);
  const { base } = splitVersion(module.split("/"));
  return {
    ok: true,
    vars: {
      module,
      goPackage: packageOf(base.at(-1) ?? name),
      // `go install <module>/cmd/<name>` names the binary after its folder.
      binName: name,
      goVersion: GO_VERSION,
    },
  };
}

export const goLanguage: LanguageModule = {
  id: "go",
  label: "Go",
  templateVars,
  // Generated modules have no dependencies. This makes sure the pinned linter is ready: it is
  // built once into a cache folder unless a golangci-lint of that version is already on PATH.
  installCommand: () => ({ cmd: "./scripts/golangci-lint", args: ["version", "--short"] }),
};
