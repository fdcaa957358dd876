import { posix } from "node:path";
import { isRecord, readJson, recordAt } from "../parse/json.js";
import type { Check, CheckContext, Finding } from "../types.js";
import { baselineText, inUnit, show } from "./common.js";

/** Each strictness flag and the value that is strict. */
const STRICT_FLAGS: Readonly<Record<string, boolean>> = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noPropertyAccessFromIndexSignature: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  allowUnusedLabels: false,
  allowUnreachableCode: false,
  useUnknownInCatchVariables: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  isolatedDeclarations: true,
  erasableSyntaxOnly: true,
  noUncheckedSideEffectImports: true,
  forceConsistentCasingInFileNames: true,
  noEmitOnError: true,
};

/** The flags `strict` turns on unless a file sets them itself. */
const STRICT_FAMILY = [
  "noImplicitAny",
  "noImplicitThis",
  "strictNullChecks",
  "strictFunctionTypes",
  "strictBindCallApply",
  "strictPropertyInitialization",
  "strictBuiltinIteratorReturn",
  "alwaysStrict",
];

/** Where an effective option comes from: the file and line that set it. */
interface Setting {
  readonly value: unknown;
  readonly file: string;
  readonly line: number;
}

type Options = ReadonlyMap<string, Setting>;

function extendsList(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === "string")
    : [];
}

/** A relative `extends` resolved inside the repo; package bases are looked up in node_modules. */
function candidates(from: string, target: string): string[] {
  const dir = posix.dirname(from);
  const relative = target.startsWith(".") || target.startsWith("/");
  const base = relative
    ? posix.normalize(posix.join(dir, target))
    : posix.normalize(posix.join(dir, "node_modules", target));
  return base.endsWith(".json") ? [base] : [`${base}.json`, `${base}/tsconfig.json`, base];
}

/** The effective compilerOptions of a tsconfig, following `extends`; `chain` collects each file read. */
async function effective(
  path: string,
  read: (path: string) => Promise<string | undefined>,
  chain = new Set<string>(),
): Promise<Options> {
  const text = await read(path);
  if (text === undefined || chain.has(path)) return new Map();
  chain.add(path);
  const doc = readJson(text, path);
  const merged = new Map<string, Setting>();
  for (const target of extendsList(isRecord(doc.value) ? doc.value["extends"] : undefined)) {
    for (const candidate of candidates(path, target)) {
      if ((await read(candidate)) === undefined) continue;
      for (const [key, setting] of await effective(candidate, read, chain)) {
        merged.set(key, setting);
      }
      break;
    }
  }
  const own = recordAt(doc.value, "compilerOptions");
  for (const [key, value] of Object.entries(own)) {
    merged.set(key, { value, file: path, line: doc.lineOf(["compilerOptions", key]) ?? 1 });
  }
  return merged;
}

/** The value of a flag, with `strict` standing in for the flags it implies. */
function valueOf(options: Options, flag: string): Setting | undefined {
  const own = options.get(flag);
  if (own !== undefined || !STRICT_FAMILY.includes(flag)) return own;
  return options.get("strict");
}

function strictValue(flag: string): boolean {
  return STRICT_FLAGS[flag] ?? true;
}

function isTsconfig(path: string): boolean {
  return /^tsconfig(\.[\w.-]+)?\.json$/.test(posix.basename(path));
}

/** The baseline flags that are strict in the unit's root tsconfig.json. */
async function baselineFlags(context: CheckContext, root: string): Promise<string[]> {
  const read = (path: string): Promise<string | undefined> =>
    Promise.resolve(baselineText(context.baseline, path));
  const options = await effective(root, read);
  return [...Object.keys(STRICT_FLAGS), ...STRICT_FAMILY].filter(
    (flag) => valueOf(options, flag)?.value === strictValue(flag),
  );
}

function findingFor(file: string, flag: string, setting: Setting | undefined): Finding {
  const strict = strictValue(flag);
  const at = setting ?? { value: undefined, file, line: 1 };
  const set = `"${flag}": ${String(strict)}`;
  return {
    id: `tsconfig/${flag}`,
    file: at.file,
    line: at.line,
    baseline: set,
    current: setting === undefined ? "unset" : `"${flag}": ${show(setting.value)}`,
    fix:
      setting === undefined
        ? `add ${set} to compilerOptions of ${file} (or extend the root tsconfig.json)`
        : `set ${set} in compilerOptions of ${at.file}`,
  };
}

/** tsconfig flags turned off or overridden, in every tsconfig of the unit and along `extends`. */
export const checkTsconfig: Check = async (context) => {
  const root = inUnit(context.unit.dir, "tsconfig.json");
  const flags = await baselineFlags(context, root);
  const prefix = context.unit.dir === "." ? "" : `${context.unit.dir}/`;
  const configs = context.files.filter(
    (path) => path.startsWith(prefix) && isTsconfig(path) && !path.includes("node_modules/"),
  );
  const chains = new Map<string, Options>();
  const extended = new Set<string>();
  for (const config of configs) {
    const chain = new Set<string>();
    chains.set(config, await effective(config, context.read, chain));
    for (const base of chain) if (base !== config) extended.add(base);
  }
  const findings = new Map<string, Finding>();
  // A base that others extend is judged through them, not as a project of its own.
  for (const [config, options] of chains) {
    if (extended.has(config)) continue;
    for (const flag of flags) {
      const setting = valueOf(options, flag);
      if (setting?.value === strictValue(flag)) continue;
      // Not set on its own: `strict` decides it, and the finding about `strict` says so.
      if (STRICT_FAMILY.includes(flag) && !options.has(flag) && flags.includes("strict")) continue;
      const finding = findingFor(config, flag, setting);
      findings.set(`${finding.file}\0${finding.id}`, finding);
    }
  }
  return [...findings.values()];
};
