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

interface Step {
  readonly raw: string;
  readonly line: number;
}

/** The steps a gate names as it runs them: `step lint ...`, `run_step lint lint`. */
function steps(text: string): Map<string, Step> {
  const found = new Map<string, Step>();
  for (const { words, raw, line } of commandLines(text)) {
    const [call, name] = words;
    if (call !== undefined && name !== undefined && STEP_FUNCTIONS.has(call)) {
      found.set(name, { raw, line });
    }
  }
  return found;
}

/** A step still there that dropped words of its command (`--max-warnings 0`, `--check`). */
function changedStep(file: string, name: string, was: Step, now: Step): Finding[] {
  const have = new Set(now.raw.split(/\s+/));
  const dropped = was.raw.split(/\s+/).filter((word) => !have.has(word));
  if (dropped.length === 0) return [];
  return [
    {
      id: `gate/step-changed/${name}`,
      file,
      line: now.line,
      baseline: was.raw,
      current: now.raw,
      fix: `put ${dropped.map((word) => `\`${word}\``).join(" ")} back: \`${was.raw}\``,
    },
  ];
}

/** Where a missing step belongs: the line of the next baseline step still there, else the end. */
function slotOf(
  name: string,
  base: Map<string, Step>,
  now: Map<string, Step>,
  text: string,
): number {
  const order = [...base.keys()];
  for (const later of order.slice(order.indexOf(name) + 1)) {
    const step = now.get(later);
    if (step !== undefined) return step.line;
  }
  return Math.max(1, text.trimEnd().split("\n").length);
}

/** The baseline's lines that run the checker: its step line and the line that calls it. */
function checkerLines(text: string): string[] {
  const lines = commandLines(text);
  const step = lines.find(
    ({ words }) => STEP_FUNCTIONS.has(words[0] ?? "") && words[1] === "no-excuse",
  );
  const call = lines.find(({ words }) => words.some((word) => word === CHECKER));
  return [...new Set([step?.raw, call?.raw].filter((raw): raw is string => raw !== undefined))];
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
  const was = steps(base);
  for (const [name, step] of was) {
    const still = now.get(name);
    if (still !== undefined && name !== "no-excuse") {
      findings.push(...changedStep(file, name, step, still));
      continue;
    }
    if (name === "no-excuse" || still !== undefined) continue;
    findings.push({
      id: `gate/step/${name}`,
      file,
      line: slotOf(name, was, now, text),
      baseline: `runs the ${name} step: ${step.raw}`,
      current: `no ${name} step`,
      fix: `put the line \`${step.raw}\` back in ${file}, or ${RUN_UPDATE}`,
    });
  }
  if (
    callsChecker(base) &&
    (!callsChecker(text) || (was.has("no-excuse") && !now.has("no-excuse")))
  ) {
    const lines = checkerLines(base);
    findings.push({
      id: "gate/no-excuse",
      file,
      line: was.has("no-excuse") ? slotOf("no-excuse", was, now, text) : 1,
      baseline: `runs ${CHECKER}: ${lines.join("; ")}`,
      current: `does not run ${CHECKER}`,
      fix: `put \`${lines.join("\n")}\` back in ${file}, before the tests step`,
    });
  }
  return findings;
}

/** The gate: its steps, the no-excuse checker among them, still there and executable. */
export const checkGate: Check = ownGate;

/**
 * The root gate a repo with several languages has: it must still run each language's gate, as
 * the line each unit's baseline holds for it (`gate <lang> <path>`).
 */
export async function checkCombinedGate(contexts: readonly CheckContext[]): Promise<Finding[]> {
  const file = "scripts/check";
  const wanted = contexts.flatMap((context) =>
    context.unit.origin === "add" || context.unit.origin === "adopted"
      ? commandLines(baselineText(context.baseline, file) ?? "").filter(
          ({ words }) => words[0] === "gate",
        )
      : [],
  );
  // A snapshot of the whole repo would give each unit every line: keep one of each.
  const unique = [...new Map(wanted.map((line) => [line.words.join(" "), line])).values()];
  const first = contexts[0];
  if (unique.length === 0 || first === undefined) return [];
  const text = await first.read(file);
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
  const calls = new Set(commandLines(text).map(({ words }) => words.join(" ")));
  return unique.flatMap(({ words, raw }): Finding[] =>
    calls.has(words.join(" "))
      ? []
      : [
          {
            id: `gate/combined/${words[1] ?? ""}`,
            file,
            line: lineOfEcho(text),
            baseline: raw,
            current: `does not run ${words[2] ?? ""}`,
            fix: `put the line \`${raw}\` back in ${file}, before the final echo`,
          },
        ],
  );
}

/** The line of the combined gate's closing `echo "OK"`, where a missing gate line belongs. */
function lineOfEcho(text: string): number {
  const lines = commandLines(text);
  return lines.findLast(({ words }) => words[0] === "echo")?.line ?? 1;
}
