import { languageGate } from "../../core/add-layout.js";
import type { Check, CheckContext, Finding, Unit } from "../types.js";
import { RUN_UPDATE, baselineText } from "./common.js";

const STEP_FUNCTIONS = new Set(["step", "run_step"]);
const CHECKER = "scripts/no-excuse";

/** Where the unit's own gate lives. */
export function gatePath(unit: Unit): string {
  switch (unit.origin) {
    case "add":
      return languageGate(unit.lang, unit.dir);
    case "adopted":
      return `scripts/check-${unit.lang}`;
    case "create":
    case "detected":
      return "scripts/check";
  }
}

/** The words of each line that is not a comment, with its line number. */
function commandLines(text: string): { words: string[]; line: number; raw: string }[] {
  return text.split("\n").flatMap((raw, index) => {
    const code = raw.replace(/(^|\s)#.*$/, "").trim();
    return code === "" ? [] : [{ words: code.split(/\s+/), line: index + 1, raw: raw.trim() }];
  });
}

/** The steps a gate names as it runs them: `step lint ...`, `run_step lint lint`. */
function steps(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const { words, raw } of commandLines(text)) {
    const [call, name] = words;
    if (call !== undefined && name !== undefined && STEP_FUNCTIONS.has(call)) found.set(name, raw);
  }
  return found;
}

function callsChecker(text: string): boolean {
  return commandLines(text).some(({ words }) =>
    words.some((word) => word.replace(/^\.\//, "").replace(/^["']|["']$/g, "") === CHECKER),
  );
}

async function ownGate(context: CheckContext): Promise<Finding[]> {
  const file = gatePath(context.unit);
  const base = baselineText(context.baseline, file);
  if (base === undefined) return [];
  const text = await context.read(file);
  if (text === undefined) {
    return [
      {
        id: "gate/missing",
        file,
        line: 1,
        baseline: "the gate script",
        current: "missing",
        fix: `restore ${file}: ${RUN_UPDATE}`,
      },
    ];
  }
  const findings: Finding[] = [];
  if ((await context.executable(file)) === false) {
    findings.push({
      id: "gate/not-executable",
      file,
      line: 1,
      baseline: "executable",
      current: "not executable",
      fix: `chmod +x ${file} (and git add --chmod=+x ${file})`,
    });
  }
  const now = steps(text);
  for (const [name, raw] of steps(base)) {
    if (name === "no-excuse" || now.has(name)) continue;
    findings.push({
      id: `gate/step/${name}`,
      file,
      line: 1,
      baseline: `runs the ${name} step: ${raw}`,
      current: `no ${name} step`,
      fix: `put the line \`${raw}\` back in ${file}, or ${RUN_UPDATE}`,
    });
  }
  if (
    callsChecker(base) &&
    (!callsChecker(text) || (steps(base).has("no-excuse") && !now.has("no-excuse")))
  ) {
    const raw = steps(base).get("no-excuse") ?? CHECKER;
    findings.push({
      id: "gate/no-excuse",
      file,
      line: 1,
      baseline: `runs ${CHECKER}: ${raw}`,
      current: `does not run ${CHECKER}`,
      fix: `put the line \`${raw}\` back in ${file}, before the tests step`,
    });
  }
  return findings;
}

/** The gate: its steps, the no-excuse checker among them, still there and executable. */
export const checkGate: Check = ownGate;

/** The root gate a repo with several languages has: it must still run each language's gate. */
export async function checkCombinedGate(
  units: readonly Unit[],
  read: (path: string) => Promise<string | undefined>,
): Promise<Finding[]> {
  const combined = units.filter((unit) => unit.origin === "add" || unit.origin === "adopted");
  if (combined.length === 0) return [];
  const file = "scripts/check";
  const text = await read(file);
  if (text === undefined) {
    return [
      {
        id: "gate/missing",
        file,
        line: 1,
        baseline: "the combined gate",
        current: "missing",
        fix: `restore ${file}: run create-litclaude add again for one of the languages`,
      },
    ];
  }
  const calls = commandLines(text).filter(({ words }) => words[0] === "gate");
  return combined.flatMap((unit): Finding[] => {
    const own = gatePath(unit);
    if (calls.some(({ words }) => words[1] === unit.lang && words[2] === own)) return [];
    return [
      {
        id: `gate/combined/${unit.lang}`,
        file,
        line: 1,
        baseline: `gate ${unit.lang} ${own}`,
        current: `does not run ${own}`,
        fix: `put the line \`gate ${unit.lang} ${own}\` back in ${file}, before the final echo`,
      },
    ];
  });
}
