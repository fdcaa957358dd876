import { isRecord, parseJsonDoc, recordAt } from "../parse/json.js";
import { parseYamlDoc } from "../parse/yaml.js";
import type { Check, CheckContext, Finding } from "../types.js";
import { bothTexts, compareVersions, inUnit, lineWhere } from "./common.js";

/** The TypeScript project's dev tools (linters, compiler, test runner) pinned back. */
export const checkNodePins: Check = async (context) => {
  const file = inUnit(context.unit.dir, "package.json");
  const texts = await bothTexts(context, file);
  const doc = texts === undefined ? undefined : parseJsonDoc(texts.current);
  const base = texts === undefined ? undefined : parseJsonDoc(texts.base);
  if (doc === undefined || base === undefined) return [];
  const findings: Finding[] = [];
  for (const [name, was] of Object.entries(recordAt(base.value, "devDependencies"))) {
    for (const field of ["devDependencies", "dependencies"]) {
      const is = recordAt(doc.value, field)[name];
      if (typeof is !== "string" || typeof was !== "string" || compareVersions(is, was) >= 0)
        continue;
      findings.push({
        id: `pin/${name}`,
        file,
        line: doc.lineOf([field, name]) ?? 1,
        baseline: `"${name}": "${was}"`,
        current: `"${name}": "${is}"`,
        fix: `set "${name}": "${was}" (or newer) in ${field} of ${file}, then reinstall`,
      });
    }
  }
  return findings;
};

/** `readonly version="2.15.0"` in scripts/golangci-lint: a shell assignment, read by its words. */
function scriptVersion(text: string): { value: string; line: number } | undefined {
  const lines = text.split("\n");
  for (const [index, raw] of lines.entries()) {
    const words = raw.trim().split(/\s+/);
    const assignment = words[0] === "readonly" ? words[1] : words[0];
    if (assignment?.startsWith("version=") !== true) continue;
    return {
      value: assignment.slice("version=".length).replace(/^["']|["']$/g, ""),
      line: index + 1,
    };
  }
  return undefined;
}

function actionVersion(text: string, file: string): { value: string; line: number } | undefined {
  const doc = parseYamlDoc(text, file);
  for (const [job, body] of Object.entries(recordAt(doc.value, "jobs"))) {
    const steps: unknown = isRecord(body) ? body["steps"] : undefined;
    if (!Array.isArray(steps)) continue;
    for (const [index, step] of steps.entries()) {
      const uses: unknown = isRecord(step) ? step["uses"] : undefined;
      const version = recordAt(step, "with")["version"];
      if (typeof uses !== "string" || !uses.startsWith("golangci/golangci-lint-action")) continue;
      if (typeof version !== "string") continue;
      return {
        value: version,
        line: doc.lineOf(["jobs", job, "steps", index, "with", "version"]) ?? 1,
      };
    }
  }
  return undefined;
}

async function goPin(
  context: CheckContext,
  file: string,
  read: (text: string) => { value: string; line: number } | undefined,
): Promise<Finding[]> {
  const texts = await bothTexts(context, file);
  if (texts === undefined) return [];
  const was = read(texts.base);
  const is = read(texts.current);
  if (was === undefined || (is !== undefined && compareVersions(is.value, was.value) >= 0))
    return [];
  return [
    {
      id: "pin/golangci-lint",
      file,
      line: is?.line ?? lineWhere(texts.current, (line) => line.includes("golangci")),
      baseline: `golangci-lint ${was.value}`,
      current: is === undefined ? "unpinned" : `golangci-lint ${is.value}`,
      fix: `pin golangci-lint ${was.value} (or newer) in ${file}`,
    },
  ];
}

/** golangci-lint's pin, in the runner script and in CI, moved back. */
export const checkGoPins: Check = async (context) => {
  const script = inUnit(context.unit.dir, "scripts/golangci-lint");
  const workflow = ".github/workflows/ci.yml";
  return [
    ...(await goPin(context, script, scriptVersion)),
    ...(await goPin(context, workflow, (text) => actionVersion(text, workflow))),
  ];
};
