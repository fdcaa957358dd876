import { isRecord } from "./json.js";

/** Lists in linter settings where an added entry switches a check off. */
const OFF_LISTS = new Set([
  "disable",
  "excludes",
  "exclude",
  "exclude-functions",
  "ignore",
  "ignored-numbers",
  "ignored-files",
  "ignored-functions",
]);

export type Path = readonly (string | number)[];

/** The value at `path` inside a parsed document, undefined when absent. */
export function at(value: unknown, path: Path): unknown {
  let here = value;
  for (const key of path) {
    if (Array.isArray(here) && typeof key === "number") here = here[key];
    else if (isRecord(here) && typeof key === "string") here = here[key];
    else return undefined;
  }
  return here;
}

export function list(value: unknown): unknown[] {
  if (!Array.isArray(value)) return [];
  const items: readonly unknown[] = value;
  return [...items];
}

export function word(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

/** A stable name for a list item: its `name` when it has one, else its JSON. */
export function itemKey(item: unknown): string {
  return isRecord(item) && typeof item["name"] === "string" ? item["name"] : JSON.stringify(item);
}

export interface Change {
  readonly path: Path;
  readonly was: unknown;
  readonly is: unknown;
}

/** Leaves of the baseline changed in `current`, and list entries added to off-lists or removed from others. */
export function weakenings(base: unknown, current: unknown, path: Path): Change[] {
  if (Array.isArray(base)) {
    const now = list(current);
    const last = path.at(-1);
    const off = typeof last === "string" && OFF_LISTS.has(last);
    const have = new Set(now.map(itemKey));
    const had = new Set(list(base).map(itemKey));
    return off
      ? now
          .filter((item) => !had.has(itemKey(item)))
          .map((item) => ({ path, was: undefined, is: item }))
      : list(base)
          .filter((item) => !have.has(itemKey(item)))
          .map((item) => ({ path, was: item, is: undefined }));
  }
  if (isRecord(base)) {
    return Object.entries(base).flatMap(([key, value]) =>
      weakenings(value, at(current, [key]), [...path, key]),
    );
  }
  return base === current ? [] : [{ path, was: base, is: current }];
}
