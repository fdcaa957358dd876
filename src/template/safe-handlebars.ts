import type { RenderContext } from "../core/template-engine.js";

/**
 * The helpers a team template may call: handlebars' own block helpers that only read the
 * context, and ours. `lookup` and `log` are left out: `lookup` reaches any property by a name
 * computed at render time, which no check before rendering can see.
 */
const BUILTIN_HELPERS = new Set(["if", "unless", "each", "with"]);

type HelperValue = string | number | boolean;

function text(value: unknown): string {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : "";
}

/** Our helpers (the last argument handlebars passes is its options object, ignored). */
export const TEAM_HELPERS: Readonly<Record<string, (...args: readonly unknown[]) => HelperValue>> =
  {
    eq: (a, b) => a === b,
    ne: (a, b) => a !== b,
    not: (a) => a === false || a === "" || a === 0 || a === undefined,
    and: (...args) => args.slice(0, -1).every((value) => value !== false && value !== ""),
    or: (...args) => args.slice(0, -1).some((value) => value !== false && value !== ""),
    lower: (value) => text(value).toLowerCase(),
    upper: (value) => text(value).toUpperCase(),
  };

export const ALLOWED_HELPERS: ReadonlySet<string> = new Set([
  ...BUILTIN_HELPERS,
  ...Object.keys(TEAM_HELPERS),
]);

/** Names a path may never hold: each one reaches an object's prototype or its machinery. */
function reachesPrototype(part: string): boolean {
  return part === "constructor" || part === "prototype" || part.startsWith("__");
}

function field(node: unknown, key: string): unknown {
  if (typeof node !== "object" || node === null) return undefined;
  const value: unknown = Reflect.get(node, key);
  return value;
}

function list(node: unknown, key: string): readonly unknown[] {
  const value = field(node, key);
  return Array.isArray(value) ? value : [];
}

function line(node: unknown): number | undefined {
  const value = field(field(field(node, "loc"), "start"), "line");
  return typeof value === "number" ? value : undefined;
}

export interface HandlebarsProblem {
  readonly line: number | undefined;
  readonly problem: string;
}

/** The path expression's name when a statement calls a helper (has params or a hash). */
function calledHelper(node: unknown): string | undefined {
  const path = field(node, "path");
  const name = field(path, "original");
  if (typeof name !== "string" || field(path, "type") !== "PathExpression") return undefined;
  const hashPairs = list(field(node, "hash"), "pairs");
  const isCall = list(node, "params").length > 0 || hashPairs.length > 0;
  const isBlock = field(node, "type") === "BlockStatement";
  if (isCall || ALLOWED_HELPERS.has(name) || (isBlock && name === "lookup")) return name;
  return name === "lookup" || name === "log" || name.endsWith("Missing") ? name : undefined;
}

function check(node: unknown, partials: ReadonlySet<string>, problems: HandlebarsProblem[]): void {
  const type = field(node, "type");
  if (typeof type !== "string") return;
  const at = line(node);
  if (type === "PathExpression") {
    const bad = list(node, "parts").find(
      (part) => typeof part === "string" && reachesPrototype(part),
    );
    if (typeof bad === "string") {
      problems.push({
        line: at,
        problem: `"${text(field(node, "original"))}" reaches a prototype`,
      });
    }
    return;
  }
  if (type === "Decorator" || type === "DecoratorBlock") {
    problems.push({ line: at, problem: "decorators are not allowed" });
    return;
  }
  if (type === "PartialStatement" || type === "PartialBlockStatement") {
    const name = field(node, "name");
    const original = field(name, "original");
    if (
      field(name, "type") !== "PathExpression" ||
      typeof original !== "string" ||
      !partials.has(original)
    ) {
      problems.push({
        line: at,
        problem: `partial ${text(original) || "(computed)"} is not one we provide (${[...partials].join(", ")})`,
      });
    }
    if (type === "PartialBlockStatement")
      problems.push({ line: at, problem: "partial blocks are not allowed" });
  }
  if (type === "MustacheStatement" || type === "BlockStatement" || type === "SubExpression") {
    const helper = calledHelper(node);
    if (helper !== undefined && !ALLOWED_HELPERS.has(helper)) {
      problems.push({
        line: at,
        problem: `helper "${helper}" is not registered (allowed: ${[...ALLOWED_HELPERS].join(", ")})`,
      });
    }
  }
  for (const key of ["path", "program", "inverse", "hash", "value", "name"]) {
    check(field(node, key), partials, problems);
  }
  for (const key of ["body", "params", "pairs"]) {
    for (const child of list(node, key)) check(child, partials, problems);
  }
}

/**
 * Parses a team template's handlebars source and lists what it may not do: reach a prototype
 * (`constructor`, `__proto__`, ...), call a helper we did not register, use a partial we do not
 * provide, or a decorator. A syntax error is a problem too. Nothing is rendered.
 */
export async function handlebarsProblems(
  source: string,
  partials: ReadonlySet<string>,
): Promise<readonly HandlebarsProblem[]> {
  const { default: Handlebars } = await import("handlebars");
  let program: unknown;
  try {
    program = Handlebars.parse(source);
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    const lineMatch = /line (\d+)/.exec(message);
    return [
      {
        line: lineMatch === null ? undefined : Number(lineMatch[1]),
        problem: message.split("\n")[0] ?? message,
      },
    ];
  }
  const problems: HandlebarsProblem[] = [];
  check(program, partials, problems);
  return problems;
}

/** Answers as handlebars sees them: numbers as text; a question skipped by `when` as false. */
export function answerContext(
  answers: Readonly<Record<string, HelperValue | undefined>>,
): RenderContext {
  return Object.fromEntries(
    Object.entries(answers).map(([key, value]) => [
      key,
      value === undefined ? false : typeof value === "number" ? String(value) : value,
    ]),
  );
}
