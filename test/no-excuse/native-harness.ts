import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { run, type RunResult } from "../e2e/support.js";
import { parseReport, type Report } from "./json-report.js";

/** The checkers that are compiled programs living inside the generated project. */
export type NativeLang = "go" | "rust";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * A stand-in for a generated project: the checker's files exactly as the renderer copies them,
 * plus the fixture tree, in a fresh temp folder.
 */
export function makeProject(lang: NativeLang): string {
  const dir = mkdtempSync(path.join(tmpdir(), `no-excuse-${lang}-`));
  cpSync(path.join(repoRoot, "content", "no-excuse", lang, "files"), dir, { recursive: true });
  cpSync(path.join(repoRoot, "test", "no-excuse", lang, "fixtures"), dir, { recursive: true });
  return dir;
}

export function plantFile(dir: string, relPath: string, content: string): void {
  writeFileSync(path.join(dir, relPath), content);
}

export function check(
  dir: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<RunResult> {
  return run(path.join(dir, "scripts", "no-excuse"), args, dir, env);
}

export async function checkJson(dir: string, args: readonly string[]): Promise<Report> {
  const result = await check(dir, [...args, "--json"]);
  if (result.stderr !== "") {
    throw new Error(`no-excuse wrote to stderr: ${result.stderr}`);
  }
  return parseReport(result.stdout);
}

/** `line:rule` for each finding in `file`, in report order. */
export function linesOf(report: Report, file: string): string[] {
  return report.findings.filter((f) => f.path === file).map((f) => `${String(f.line)}:${f.rule}`);
}
