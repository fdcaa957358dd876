import { LitError } from "../../core/errors.js";
import { parseEslintConfig, type EslintConfig, type RuleSetting } from "../parse/eslint-config.js";
import type { Check, Finding } from "../types.js";
import { RUN_UPDATE, baselineText, inUnit } from "./common.js";

const CONFIG = "eslint.config.js";
const SEVERITY_NAMES = ["off", "warn", "error"];

function severityName(severity: number | undefined): string {
  return severity === undefined ? "unset" : (SEVERITY_NAMES[severity] ?? String(severity));
}

function describe(rule: RuleSetting | undefined, fallback: string): string {
  if (rule === undefined) return fallback;
  const options = rule.options === "" ? "" : ` ${rule.options}`;
  return `${severityName(rule.severity)}${options}`;
}

function lastByName(rules: readonly RuleSetting[]): Map<string, RuleSetting> {
  return new Map(rules.map((rule) => [rule.name, rule]));
}

function ruleFindings(file: string, base: EslintConfig, current: EslintConfig): Finding[] {
  const baseRules = lastByName(base.rules);
  const findings: Finding[] = [];
  for (const rule of current.rules) {
    const was = baseRules.get(rule.name);
    // A rule the baseline does not set is on through its shared configs.
    const wasSeverity = was?.severity ?? 2;
    const weaker = (rule.severity ?? 2) < wasSeverity;
    const loosened = !weaker && was !== undefined && rule.options !== was.options;
    if (!weaker && !loosened) continue;
    findings.push({
      id: `eslint/${rule.name}`,
      file,
      line: rule.line,
      baseline: describe(was, "error (from the shared configs)"),
      current: describe(rule, "unset"),
      fix:
        was === undefined
          ? `remove the "${rule.name}" entry at ${file}:${String(rule.line)}`
          : `set "${rule.name}": ${was.text} at ${file}:${String(rule.line)}`,
    });
  }
  const present = new Set(current.rules.map((rule) => rule.name));
  for (const [name, was] of baseRules) {
    if (present.has(name) || was.severity === 0) continue;
    findings.push({
      id: `eslint/${name}`,
      file,
      line: 1,
      baseline: describe(was, ""),
      current: "unset",
      fix: `add "${name}": ${was.text} back to the rules of ${file}, or ${RUN_UPDATE}`,
    });
  }
  return findings;
}

function configFindings(file: string, base: EslintConfig, current: EslintConfig): Finding[] {
  const findings: Finding[] = [];
  for (const preset of base.presets.keys()) {
    if (current.presets.has(preset)) continue;
    findings.push({
      id: `eslint/preset/${preset}`,
      file,
      line: 1,
      baseline: `extends ${preset}`,
      current: "not extended",
      fix: `add ${preset} back to the configs in ${file}, or ${RUN_UPDATE}`,
    });
  }
  for (const [name, was] of base.linterOptions) {
    const now = current.linterOptions.get(name);
    if (now?.value === was.value) continue;
    findings.push({
      id: `eslint/linterOptions/${name}`,
      file,
      line: now?.line ?? 1,
      baseline: `${name}: ${was.value}`,
      current: now === undefined ? "unset" : `${name}: ${now.value}`,
      fix: `set linterOptions.${name} to ${was.value} in ${file}`,
    });
  }
  return findings;
}

/** ESLint rules disabled, downgraded or loosened, shared configs dropped, linter options changed. */
export const checkEslint: Check = async (context) => {
  const file = inUnit(context.unit.dir, CONFIG);
  const baseText = baselineText(context.baseline, file);
  if (baseText === undefined) return [];
  const text = await context.read(file);
  if (text === undefined) {
    return [
      {
        id: "eslint/config",
        file,
        line: 1,
        baseline: `${CONFIG} with the strict type-checked rules`,
        current: "missing",
        fix: `restore ${file}: ${RUN_UPDATE}`,
      },
    ];
  }
  let current: EslintConfig;
  try {
    current = parseEslintConfig(text);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    const loc = error instanceof Error && "loc" in error ? error.loc : undefined;
    const line =
      typeof loc === "object" && loc !== null && "line" in loc && typeof loc.line === "number"
        ? loc.line
        : 1;
    throw new LitError("usage", `${file} does not parse as JavaScript: ${reason}`, {
      hint: "fix the syntax error and run doctor again",
      location: { file, line },
    });
  }
  const base = parseEslintConfig(baseText);
  return [...configFindings(file, base, current), ...ruleFindings(file, base, current)];
};
