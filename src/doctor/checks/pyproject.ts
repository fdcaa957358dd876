import {
  entryAt,
  parseTomlDoc,
  tableLine,
  under,
  type TomlDoc,
  type TomlEntry,
} from "../parse/toml.js";
import type { Check, Finding } from "../types.js";
import { RUN_UPDATE, bothTexts, compareVersions, inUnit, show } from "./common.js";

const RUFF_LINT = ["tool", "ruff", "lint"];
const PYRIGHT = ["tool", "basedpyright"];
/** basedpyright's modes, weakest first. */
const MODES = ["off", "basic", "standard", "strict", "recommended", "all"];
/** Boolean settings of basedpyright where true is the strict value ("all" turns them on). */
const STRICT_BOOLEANS = new Set([
  "strictListInference",
  "strictDictionaryInference",
  "strictSetInference",
  "strictParameterNoneValue",
  "analyzeUnannotatedFunctions",
  "deprecateTypingAliases",
  "disableBytesTypePromotions",
]);

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === "string")
    : [];
}

/** Items of a string array entry with their lines. */
function items(entry: TomlEntry | undefined): { value: string; line: number }[] {
  if (entry === undefined || !Array.isArray(entry.value)) return [];
  const list: readonly unknown[] = entry.value;
  return list.flatMap((value, index) =>
    typeof value === "string" ? [{ value, line: entry.elementLines[index] ?? entry.line }] : [],
  );
}

function ruffIgnores(file: string, base: TomlDoc, current: TomlDoc): Finding[] {
  const findings: Finding[] = [];
  for (const key of ["ignore", "extend-ignore"]) {
    const allowed = new Set([
      ...strings(entryAt(base, [...RUFF_LINT, "ignore"])?.value),
      ...strings(entryAt(base, [...RUFF_LINT, "extend-ignore"])?.value),
    ]);
    for (const path of [
      [...RUFF_LINT, key],
      ["tool", "ruff", key],
    ]) {
      for (const item of items(entryAt(current, path))) {
        if (allowed.has(item.value)) continue;
        findings.push({
          id: `ruff/ignore/${item.value}`,
          file,
          line: item.line,
          baseline: `not ignored (baseline ignores ${[...allowed].join(", ")})`,
          current: `${path.join(".")} has "${item.value}"`,
          fix: `remove "${item.value}" from ${path.join(".")} in ${file} and fix what it reports (or add a # noqa with a reason where it must stay)`,
        });
      }
    }
  }
  for (const table of ["per-file-ignores", "extend-per-file-ignores"]) {
    const baseline = under(base, [...RUFF_LINT, "per-file-ignores"]);
    for (const entry of under(current, [...RUFF_LINT, table])) {
      const pattern = String(entry.path[0]);
      const allowed = new Set(
        baseline.filter((item) => item.path[0] === pattern).flatMap((item) => strings(item.value)),
      );
      for (const item of items(entry)) {
        if (allowed.has(item.value)) continue;
        findings.push({
          id: `ruff/per-file-ignore/${pattern}/${item.value}`,
          file,
          line: item.line,
          baseline:
            allowed.size === 0
              ? `no ignores for "${pattern}"`
              : `"${pattern}" ignores ${[...allowed].join(", ")}`,
          current: `"${pattern}" ignores "${item.value}"`,
          fix: `remove "${item.value}" from ${table}."${pattern}" in ${file}`,
        });
      }
    }
  }
  const select = strings(entryAt(base, [...RUFF_LINT, "select"])?.value);
  const now = entryAt(current, [...RUFF_LINT, "select"]);
  const missing = select.filter((code) => !strings(now?.value).includes(code));
  if (missing.length > 0) {
    findings.push({
      id: "ruff/select",
      file,
      line: now?.line ?? tableLine(current, RUFF_LINT),
      baseline: `select = ${show(select)}`,
      current: now === undefined ? "unset" : `select = ${show(now.value)}`,
      fix: `set select = ${show(select)} under [tool.ruff.lint] in ${file}`,
    });
  }
  return findings;
}

function ruleLevel(value: unknown): number | undefined {
  if (typeof value === "boolean") return value ? 3 : 0;
  const levels = ["none", "information", "warning", "error"];
  const index = typeof value === "string" ? levels.indexOf(value) : -1;
  return index < 0 ? (value === "hint" ? 1 : undefined) : index;
}

function pyrightFindings(file: string, base: TomlDoc, current: TomlDoc): Finding[] {
  const findings: Finding[] = [];
  const mode = entryAt(base, [...PYRIGHT, "typeCheckingMode"])?.value;
  const now = entryAt(current, [...PYRIGHT, "typeCheckingMode"]);
  if (
    typeof mode === "string" &&
    MODES.indexOf(typeof now?.value === "string" ? now.value : "standard") < MODES.indexOf(mode)
  ) {
    findings.push({
      id: "basedpyright/typeCheckingMode",
      file,
      line: now?.line ?? tableLine(current, PYRIGHT),
      baseline: `typeCheckingMode = "${mode}"`,
      current: now === undefined ? 'unset ("standard")' : `typeCheckingMode = ${show(now.value)}`,
      fix: `set typeCheckingMode = "${mode}" under [tool.basedpyright] in ${file}`,
    });
  }
  const baseline = new Map(
    under(base, PYRIGHT).map((entry) => [entry.path.join("."), entry.value]),
  );
  for (const entry of under(current, PYRIGHT)) {
    const key = entry.path.join(".");
    const was = baseline.get(key);
    let weaker = false;
    if (key.startsWith("report")) {
      weaker = (ruleLevel(entry.value) ?? 3) < (ruleLevel(was) ?? 3);
    } else if (STRICT_BOOLEANS.has(key)) {
      weaker = entry.value === false && was !== false;
    } else if (key === "enableTypeIgnoreComments") {
      weaker = entry.value === true && was === false;
    }
    if (!weaker) continue;
    findings.push({
      id: `basedpyright/${key}`,
      file,
      line: entry.line,
      baseline:
        was === undefined
          ? `${key} at the "${typeof mode === "string" ? mode : "all"}" mode's level`
          : `${key} = ${show(was)}`,
      current: `${key} = ${show(entry.value)}`,
      fix:
        was === undefined
          ? `remove ${key} from [tool.basedpyright] in ${file}`
          : `set ${key} = ${show(was)} in ${file}`,
    });
  }
  return findings;
}

/** `ruff==0.17.6` -> ["ruff", "0.17.6"]; only exact pins. */
function pin(spec: string): [string, string] | undefined {
  const match = /^([A-Za-z0-9_.-]+)\s*==\s*([^\s;,]+)/.exec(spec);
  return match?.[1] === undefined || match[2] === undefined
    ? undefined
    : [match[1].toLowerCase(), match[2]];
}

function pinFindings(file: string, base: TomlDoc, current: TomlDoc): Finding[] {
  const path = ["dependency-groups", "dev"];
  const baseline = new Map(
    strings(entryAt(base, path)?.value).flatMap((spec) => {
      const p = pin(spec);
      return p === undefined ? [] : [p];
    }),
  );
  return items(entryAt(current, path)).flatMap((item) => {
    const found = pin(item.value);
    const was = found === undefined ? undefined : baseline.get(found[0]);
    if (found === undefined || was === undefined || compareVersions(found[1], was) >= 0) return [];
    return [
      {
        id: `pin/${found[0]}`,
        file,
        line: item.line,
        baseline: `${found[0]}==${was}`,
        current: item.value,
        fix: `pin "${found[0]}==${was}" (or newer) in [dependency-groups] dev of ${file}, then uv lock`,
      },
    ];
  });
}

/** ruff ignores beyond the baseline's, basedpyright lowered, dev tool pins moved back. */
export const checkPyproject: Check = async (context) => {
  const file = inUnit(context.unit.dir, "pyproject.toml");
  const texts = await bothTexts(context, file);
  if (texts === undefined) {
    const missing = (await context.read(file)) === undefined;
    return missing
      ? [
          {
            id: "pyproject/missing",
            file,
            line: 1,
            baseline: "pyproject.toml with ruff and basedpyright settings",
            current: "missing",
            fix: `restore ${file}: ${RUN_UPDATE}`,
          },
        ]
      : [];
  }
  const current = parseTomlDoc(texts.current, file);
  const base = parseTomlDoc(texts.base, file);
  return [
    ...ruffIgnores(file, base, current),
    ...pyrightFindings(file, base, current),
    ...pinFindings(file, base, current),
  ];
};
