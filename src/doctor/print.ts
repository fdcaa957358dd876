import { toolVersion } from "../core/version.js";
import type { DoctorResult, Finding, GroupReport, Suppression } from "./types.js";

function findingLines(mark: string, finding: Finding): string[] {
  return [
    `  ${mark} ${finding.file}:${String(finding.line)}  ${finding.id}`,
    `      baseline: ${finding.baseline}`,
    `      current:  ${finding.current}`,
    `      fix:      ${finding.fix}`,
  ];
}

/** `eslint-disable @typescript-eslint/no-explicit-any`: 3 (1 new) */
function counts(suppressions: readonly Suppression[]): string[] {
  const byRule = new Map<string, { total: number; fresh: number }>();
  for (const item of suppressions) {
    const key = item.rules === "" ? item.kind : `${item.kind} ${item.rules}`;
    const count = byRule.get(key) ?? { total: 0, fresh: 0 };
    byRule.set(key, { total: count.total + 1, fresh: count.fresh + (item.isNew ? 1 : 0) });
  }
  return [...byRule].map(
    ([key, count]) =>
      `      ${key}: ${String(count.total)}${count.fresh > 0 ? ` (${String(count.fresh)} new)` : ""}`,
  );
}

function suppressionLines(suppressions: readonly Suppression[]): string[] {
  if (suppressions.length === 0) return [];
  const fresh = suppressions.filter((item) => item.isNew).length;
  return [
    `  suppressions: ${String(suppressions.length)} (${String(fresh)} new since the baseline)`,
    ...counts(suppressions),
    ...suppressions.map((item) => {
      const rules = item.rules === "" ? "" : ` ${item.rules}`;
      const reason = item.reason === "" ? "(no reason given)" : `-- ${item.reason}`;
      return `    ${item.isNew ? "new" : "old"} ${item.file}:${String(item.line)}  ${item.kind}${rules} ${reason}`;
    }),
  ];
}

function groupLines(group: GroupReport, version: string): string[] {
  const state =
    group.findings.length === 0 ? "no drift" : `${String(group.findings.length)} finding(s)`;
  // Without a base snapshot (a project made before them), the baseline is this version's templates.
  const older =
    group.judgedBy === "snapshot" || group.madeWith === undefined || group.madeWith === version
      ? []
      : [
          `  note: made by create-litclaude ${group.madeWith}; compared with ${version}'s templates`,
        ];
  return [
    `${group.label}: ${state}`,
    ...older,
    ...group.findings.flatMap((finding) => findingLines("✗", finding)),
    ...group.accepted.flatMap((finding) => [
      ...findingLines("✓ accepted", finding),
      `      reason:   ${finding.reason}`,
    ]),
    ...suppressionLines(group.suppressions),
  ];
}

/** The report, grouped by language, ending with one line that says whether anything drifted. */
export function formatDoctor(result: DoctorResult): string {
  const shown = result.groups.filter(
    (group) => group.lang !== "repo" || group.findings.length + group.accepted.length > 0,
  );
  const drifted = result.groups.reduce((sum, group) => sum + group.findings.length, 0);
  const source =
    result.baselineSource === "defaults"
      ? "baseline: the current templates with default answers (no .litclaude/answers.json)"
      : result.groups.some((group) => group.judgedBy === "snapshot")
        ? "baseline: what create-litclaude wrote, kept in .litclaude/base.json"
        : "baseline: the templates rendered with .litclaude/answers.json";
  const stale = result.staleAccepted.map(
    (entry) =>
      `note: accepted ${entry.id} in ${entry.file} matches nothing now; remove it from .litclaude/answers.json`,
  );
  const last =
    drifted === 0
      ? "OK: no drift from the strict baseline"
      : `DRIFT: ${String(drifted)} finding(s); each says how to fix it, or accept one in .litclaude/answers.json ("accepted": [{ "id", "file", "reason" }])`;
  const body = shown.flatMap((group) => [...groupLines(group, toolVersion()), ""]);
  return `${[source, "", ...body, ...(stale.length === 0 ? [] : [...stale, ""]), last].join("\n")}\n`;
}
