import { parse as parseJsonc } from "jsonc-parser";
import { getStaticTOMLValue, parseTOML } from "toml-eslint-parser";
import { parse as parseYaml } from "yaml";

/** A strict setting of the baseline that the team's file turned down, for the summary. */
export interface Weakening {
  readonly file: string;
  readonly setting: string;
  readonly baseline: string;
  readonly now: string;
}

type Tree = Readonly<Record<string, unknown>>;

function isTree(value: unknown): value is Tree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function at(value: unknown, ...keys: readonly string[]): unknown {
  let node = value;
  for (const key of keys) node = isTree(node) ? node[key] : undefined;
  return node;
}

function shown(value: unknown): string {
  return value === undefined ? "(removed)" : JSON.stringify(value);
}

function strings(value: unknown): readonly string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
}

/** tsconfig: every on/off compiler option of ours the team's file sets otherwise. */
const TSCONFIG_NEUTRAL = new Set(["noEmit", "declaration", "isolatedDeclarations", "skipLibCheck"]);

function tsconfig(file: string, ours: string, final: string): Weakening[] {
  const before = at(parseJsonc(ours), "compilerOptions");
  const after = at(parseJsonc(final), "compilerOptions");
  if (!isTree(before)) return [];
  return Object.entries(before)
    .filter(([key, value]) => typeof value === "boolean" && !TSCONFIG_NEUTRAL.has(key))
    .filter(([key, value]) => at(after, key) !== value)
    .map(([key, value]) => ({
      file,
      setting: `compilerOptions.${key}`,
      baseline: shown(value),
      now: shown(at(after, key)),
    }));
}

function toml(text: string): unknown {
  return getStaticTOMLValue(parseTOML(text));
}

function pyproject(file: string, ours: string, final: string): Weakening[] {
  const before = toml(ours);
  const after = toml(final);
  const found: Weakening[] = [];
  const select = at(after, "tool", "ruff", "lint", "select");
  if (
    strings(at(before, "tool", "ruff", "lint", "select")).includes("ALL") &&
    !strings(select).includes("ALL")
  ) {
    found.push({ file, setting: "tool.ruff.lint.select", baseline: '["ALL"]', now: shown(select) });
  }
  const ignoredBefore = strings(at(before, "tool", "ruff", "lint", "ignore"));
  const added = strings(at(after, "tool", "ruff", "lint", "ignore")).filter(
    (rule) => !ignoredBefore.includes(rule),
  );
  if (added.length > 0) {
    found.push({
      file,
      setting: "tool.ruff.lint.ignore",
      baseline: "",
      now: `+${added.join(", +")}`,
    });
  }
  for (const key of [
    "typeCheckingMode",
    "enableTypeIgnoreComments",
    "reportUnnecessaryTypeIgnoreComment",
  ]) {
    const was = at(before, "tool", "basedpyright", key);
    const now = at(after, "tool", "basedpyright", key);
    if (was !== undefined && was !== now) {
      found.push({
        file,
        setting: `tool.basedpyright.${key}`,
        baseline: shown(was),
        now: shown(now),
      });
    }
  }
  return found;
}

const LEVELS = ["allow", "expect", "warn", "deny", "forbid"];

function level(value: unknown): number {
  const name = typeof value === "string" ? value : at(value, "level");
  return typeof name === "string" ? LEVELS.indexOf(name) : -1;
}

function cargo(file: string, ours: string, final: string): Weakening[] {
  const before = toml(ours);
  const after = toml(final);
  const found: Weakening[] = [];
  for (const tool of ["rust", "clippy"]) {
    const lints = at(before, "lints", tool);
    if (!isTree(lints)) continue;
    for (const [lint, value] of Object.entries(lints)) {
      const now = at(after, "lints", tool, lint);
      if (level(now) < level(value)) {
        found.push({
          file,
          setting: `lints.${tool}.${lint}`,
          baseline: shown(value),
          now: shown(now),
        });
      }
    }
  }
  return found;
}

function golangci(file: string, ours: string, final: string): Weakening[] {
  const before: unknown = parseYaml(ours);
  const after: unknown = parseYaml(final);
  const found: Weakening[] = [];
  const wasDefault = at(before, "linters", "default");
  const nowDefault = at(after, "linters", "default");
  if (wasDefault !== nowDefault) {
    found.push({
      file,
      setting: "linters.default",
      baseline: shown(wasDefault),
      now: shown(nowDefault),
    });
  }
  const disabledBefore = strings(at(before, "linters", "disable"));
  const added = strings(at(after, "linters", "disable")).filter(
    (name) => !disabledBefore.includes(name),
  );
  if (added.length > 0) {
    found.push({ file, setting: "linters.disable", baseline: "", now: `+${added.join(", +")}` });
  }
  return found;
}

/** The steps a gate script runs: `step NAME ...` or `run_step NAME ...` lines. */
function gateSteps(script: string): readonly string[] {
  return [...script.matchAll(/^\s*(?:run_)?step\s+([\w-]+)/gm)].map((match) => match[1] ?? "");
}

function gate(file: string, ours: string, final: string): Weakening[] {
  const now = gateSteps(final);
  return gateSteps(ours)
    .filter((step) => !now.includes(step))
    .map((step) => ({ file, setting: `gate step ${step}`, baseline: "runs", now: "(dropped)" }));
}

function detectorFor(
  path: string,
): ((file: string, ours: string, final: string) => Weakening[]) | undefined {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (/^tsconfig(\.[\w-]+)?\.json$/.test(name)) return tsconfig;
  if (name === "pyproject.toml") return pyproject;
  if (name === "Cargo.toml") return cargo;
  if (name === ".golangci.yml" || name === ".golangci.yaml") return golangci;
  if (/(^|\/)scripts\/check(-[\w]+)?$/.test(path)) return gate;
  return undefined;
}

/**
 * What the team's version of one of our files turned down, compared with the baseline's. A file
 * the parser rejects is reported as one weakening: the gate can no longer read its settings.
 */
export function weakenings(path: string, ours: string, final: string): readonly Weakening[] {
  const detector = detectorFor(path);
  if (detector === undefined || ours === final) return [];
  try {
    return detector(path, ours, final);
  } catch (error: unknown) {
    if (!(error instanceof Error)) throw error;
    return [{ file: path, setting: "(the whole file)", baseline: "parses", now: "does not parse" }];
  }
}
