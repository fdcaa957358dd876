import { posix } from "node:path";
import { isRecord, recordAt } from "../parse/json.js";
import { parseYamlDoc } from "../parse/yaml.js";
import type { Check, CheckContext } from "../types.js";
import { baselineText } from "./common.js";
import { gatePath } from "./gate.js";

const WORKFLOW = ".github/workflows/ci.yml";

function isOff(value: unknown): boolean {
  return (
    value === false ||
    (typeof value === "string" && /^\s*(\$\{\{\s*)?false(\s*\}\})?\s*$/.test(value))
  );
}

/** The scripts (repo-relative) that the enabled steps of a workflow run. */
function gatesRun(value: unknown): Set<string> {
  const found = new Set<string>();
  for (const job of Object.values(recordAt(value, "jobs"))) {
    if (!isRecord(job) || isOff(job["if"])) continue;
    const jobDir = recordAt(recordAt(job, "defaults"), "run")["working-directory"];
    const steps: unknown = job["steps"];
    if (!Array.isArray(steps)) continue;
    for (const step of steps) {
      if (!isRecord(step) || isOff(step["if"]) || step["continue-on-error"] === true) continue;
      const run = step["run"];
      const dir = step["working-directory"] ?? jobDir;
      if (typeof run !== "string") continue;
      for (const word of run.split(/[\s;&|()]+/)) {
        const path = word.replace(/^["']|["']$/g, "");
        if (!/(^|\/)scripts\/check(-[a-z]+)?$/.test(path)) continue;
        found.add(posix.normalize(posix.join(typeof dir === "string" ? dir : ".", path)));
      }
    }
  }
  return found;
}

async function workflowsRun(context: CheckContext): Promise<Set<string>> {
  const files = context.files.filter((path) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path));
  const found = new Set<string>();
  for (const file of files) {
    const text = await context.read(file);
    if (text === undefined) continue;
    for (const gate of gatesRun(parseYamlDoc(text, file).value)) found.add(gate);
  }
  return found;
}

/** CI still runs the unit's gate (or the combined root gate that runs it). */
export const checkCi: Check = async (context) => {
  const base = baselineText(context.baseline, WORKFLOW);
  const gate = gatePath(context.unit);
  if (base === undefined || !gatesRun(parseYamlDoc(base, WORKFLOW).value).has(gate)) return [];
  const run = await workflowsRun(context);
  const combined = context.unit.origin === "add" || context.unit.origin === "adopted";
  if (run.has(gate) || (combined && run.has("scripts/check"))) return [];
  const dir = posix.dirname(posix.dirname(gate));
  const step =
    dir === "." ? `- run: ${gate}` : `- run: scripts/check (with working-directory: ${dir})`;
  return [
    {
      id: "ci/gate",
      file: WORKFLOW,
      line: 1,
      baseline: `a CI step runs ${gate}`,
      current: `no enabled step in .github/workflows/ runs ${gate}`,
      fix: `add the step \`${step}\` to a job of ${WORKFLOW}`,
    },
  ];
};
