import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { loadAddMerger, type LoadMerger } from "../merge/index.js";
import { COMBINED_GATE_MARK, mergeCombinedGate } from "../merge/gate.js";
import { mergeWorkflow } from "../merge/workflow.js";
import type { Answers, LanguageEntry } from "./answers.js";
import type { ProjectFile } from "./files.js";

const WORKFLOW = ".github/workflows/ci.yml";

/** A project `create` made at the root, taken into the combined gate on the first `add`. */
export interface Adoption {
  readonly entry: LanguageEntry;
  readonly files: readonly ProjectFile[];
  readonly mergers: LoadMerger;
}

/** Points the first `run: scripts/check` step (create's job) at the language's own gate. */
export function retargetGateStep(workflow: string, gate: string): string {
  return workflow.replace(
    /^(\s*(?:- )?run:\s*)scripts\/check([ \t]*(?:#.*)?)$/m,
    (_whole, lead: string, tail: string) => `${lead}${gate}${tail}`,
  );
}

/**
 * When `create` made this repo (its answers hold a root language no `add` recorded yet) and its
 * own gate still sits at `scripts/check`, that gate moves, byte for byte, to
 * `scripts/check-<lang>`; the combined gate takes its place and create's CI job runs the moved
 * gate. Reads one file; undefined when there is nothing to adopt.
 */
export async function adoptCreated(
  repoDir: string,
  answers: Answers | undefined,
): Promise<Adoption | undefined> {
  const made = answers?.answers;
  if (answers === undefined || made === undefined) return undefined;
  if ((answers.languages ?? []).some((entry) => entry.dir === ".")) return undefined;
  const gateText = await readFile(join(repoDir, "scripts", "check"), "utf8").catch(() => undefined);
  if (gateText === undefined || gateText.includes(COMBINED_GATE_MARK)) return undefined;
  const gate = `scripts/check-${made.lang}`;
  const entry: LanguageEntry = {
    lang: made.lang,
    dir: ".",
    kind: made.kind,
    version: answers.version,
    answers: made,
    regions: [gate, `${WORKFLOW}#jobs.check`],
  };
  const mergers: LoadMerger = async (path) => {
    if (path === "scripts/check") {
      return (current, incoming) =>
        current === gateText ? { ok: true, text: incoming } : mergeCombinedGate(current, incoming);
    }
    if (path === WORKFLOW) {
      return (current, incoming) => mergeWorkflow(retargetGateStep(current, gate), incoming);
    }
    return loadAddMerger(path);
  };
  return {
    entry,
    files: [{ path: gate, content: gateText, executable: true }],
    mergers,
  };
}
