import type { ProjectFile } from "../../core/files.js";
import type { Baseline, CheckContext } from "../types.js";

export const RUN_UPDATE = "run create-litclaude update";

/** A path inside the unit's folder, from the repository root. */
export function inUnit(dir: string, path: string): string {
  return dir === "." ? path : `${dir}/${path}`;
}

export function fileText(file: ProjectFile | undefined): string | undefined {
  if (file === undefined) return undefined;
  return typeof file.content === "string" ? file.content : new TextDecoder().decode(file.content);
}

export function baselineText(baseline: Baseline, path: string): string | undefined {
  return fileText(baseline.get(path));
}

/** The current and baseline text of a file of the unit; undefined when either is missing. */
export async function bothTexts(
  context: CheckContext,
  path: string,
): Promise<{ readonly current: string; readonly base: string } | undefined> {
  const base = baselineText(context.baseline, path);
  if (base === undefined) return undefined;
  const current = await context.read(path);
  return current === undefined ? undefined : { current, base };
}

/** The numbers of a version (`v2.15.0`, `^10.0.1`, `==0.17.6`, `1.95`); [] when it has none. */
export function versionParts(text: string): number[] {
  const match = /(\d+(?:\.\d+)*)/.exec(text);
  return match?.[1] === undefined ? [] : match[1].split(".").map(Number);
}

/** Negative when `a` is older than `b`; a missing part counts as 0. */
export function compareVersions(a: string, b: string): number {
  const left = versionParts(a);
  const right = versionParts(b);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const diff = (left[index] ?? 0) - (right[index] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

export function show(value: unknown): string {
  return value === undefined ? "unset" : JSON.stringify(value);
}

/** 1-based line of the first line of `text` for which `test` holds; 1 when none does. */
export function lineWhere(text: string, test: (line: string) => boolean): number {
  const index = text.split("\n").findIndex(test);
  return index < 0 ? 1 : index + 1;
}
