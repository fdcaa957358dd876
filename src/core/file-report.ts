import { unifiedDiff } from "./diff.js";
import type { Plan, PlanAction } from "./plan.js";

export interface FileReport {
  readonly path: string;
  readonly action: PlanAction;
  /** What would change, as a unified diff, where an existing file is changed or kept. */
  readonly diff?: string;
}

const SHOWS_DIFF = new Set<PlanAction>(["merge", "conflict", "overwrite"]);

/** The plan as the report shows it: every file, with a diff where an existing file differs. */
export async function fileReport(plan: Plan): Promise<readonly FileReport[]> {
  return Promise.all(
    plan.entries.map(async (entry) =>
      SHOWS_DIFF.has(entry.action) && entry.current !== undefined
        ? {
            path: entry.path,
            action: entry.action,
            diff: await unifiedDiff(entry.path, entry.current, entry.content),
          }
        : { path: entry.path, action: entry.action },
    ),
  );
}
