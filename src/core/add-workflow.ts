import { isMap, isPair, isScalar, isSeq, parseDocument, type YAMLMap } from "yaml";

/** `with:` inputs of setup actions that name a file relative to the repository root. */
const ROOT_RELATIVE_INPUTS = new Set([
  "cache-dependency-path",
  "go-version-file",
  "python-version-file",
  "node-version-file",
]);

/** The job id of a language's job in the shared workflow: `go`, or `go-services-api`. */
export function jobId(lang: string, dir: string, job: string): string {
  const base = dir === "." ? lang : `${lang}-${dir.replace(/[^A-Za-z0-9]+/g, "-")}`;
  return job === "check" ? base : `${base}-${job}`;
}

function rewriteSteps(job: YAMLMap, dir: string, gate: string): void {
  const steps: unknown = job.get("steps", true);
  if (!isSeq(steps)) return;
  for (const step of steps.items) {
    if (!isMap(step)) continue;
    const run: unknown = step.get("run");
    if (gate !== "scripts/check" && typeof run === "string") {
      step.set("run", run.replace(/(^|\s)scripts\/check(?=\s|$)/g, `$1${gate}`));
    }
    const inputs: unknown = step.get("with", true);
    if (!isMap(inputs) || dir === ".") continue;
    for (const pair of inputs.items) {
      if (isScalar(pair.key) && ROOT_RELATIVE_INPUTS.has(String(pair.key.value))) {
        if (isScalar(pair.value)) pair.value.value = `${dir}/${String(pair.value.value)}`;
      }
    }
  }
}

/**
 * The language's CI workflow turned into jobs for a shared workflow: each job renamed for the
 * language and folder, run in that folder, root-relative inputs prefixed. Comments stay.
 */
export function workflowForAdd(rendered: string, lang: string, dir: string, gate: string): string {
  const doc = parseDocument(rendered);
  const jobs: unknown = doc.get("jobs", true);
  if (!isMap(jobs)) return rendered;
  for (const pair of jobs.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !isMap(pair.value)) continue;
    const job = pair.value;
    pair.key.value = jobId(lang, dir, String(pair.key.value));
    if (dir !== ".") {
      job.items.splice(1, 0, doc.createPair("defaults", { run: { "working-directory": dir } }));
    }
    rewriteSteps(job, dir, gate);
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
