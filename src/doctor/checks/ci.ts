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

/** The scripts (repo-relative) that the enabled steps of a workflow run, and the job of each. */
function gatesRun(value: unknown): Map<string, string> {
  const found = new Map<string, string>();
  for (const [name, job] of Object.entries(recordAt(value, "jobs"))) {
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
        found.set(posix.normalize(posix.join(typeof dir === "string" ? dir : ".", path)), name);
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
    for (const gate of gatesRun(parseYamlDoc(text, file).value).keys()) found.add(gate);
  }
  return found;
}

/** CI still runs the unit's gate (or the combined root gate that runs it). */
export const checkCi: Check = async (context) => {
  const base = baselineText(context.baseline, WORKFLOW);
  const gate = gatePath(context.unit);
  const job =
    base === undefined ? undefined : gatesRun(parseYamlDoc(base, WORKFLOW).value).get(gate);
  if (job === undefined) return [];
  const run = await workflowsRun(context);
  const combined = context.unit.origin === "add" || context.unit.origin === "adopted";
  if (run.has(gate) || (combined && run.has("scripts/check"))) return [];
  const dir = posix.dirname(posix.dirname(gate));
  const step =
    dir === "." ? `\`- run: ${gate}\`` : `\`- run: scripts/check\` (working-directory: ${dir})`;
  const text = await context.read(WORKFLOW);
  const line = text === undefined ? undefined : parseYamlDoc(text, WORKFLOW).lineOf(["jobs", job]);
  return [
    {
      id: "ci/gate",
      file: WORKFLOW,
      line: line ?? 1,
      baseline: `job ${job} runs ${gate}`,
      current: `no enabled step in .github/workflows/ runs ${gate}`,
      fix: `add the step ${step} to job ${job} of ${WORKFLOW}`,
    },
  ];
};
