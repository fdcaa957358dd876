import { mergeText } from "./merge-text.js";

/** Where a value sits in a parsed file: object keys, from the top. */
export type KeyPath = readonly string[];

/** A key that is not there, told apart from any value a parser gives. */
export const ABSENT: unique symbol = Symbol("absent");
export type Value = unknown;

/** One change the merge makes to ours: set the value at `path`, or remove it (ABSENT). */
export interface ValueEdit {
  readonly path: KeyPath;
  readonly value: Value;
}

export interface ValueMerge {
  readonly edits: readonly ValueEdit[];
  /** Keys both sides changed differently, as dotted paths. */
  readonly conflicts: readonly string[];
}

type Plain = Readonly<Record<string, unknown>>;

function isPlain(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  if (isPlain(a) && isPlain(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]))
    );
  }
  return a === b;
}

function at(value: Value, key: string): Value {
  return isPlain(value) && Object.hasOwn(value, key) ? value[key] : ABSENT;
}

/**
 * Lists as sequences: each item one line of JSON, merged line by line, so an item the user
 * added and one the template added both land, in order.
 */
async function mergeLists(
  base: readonly unknown[],
  ours: readonly unknown[],
  theirs: readonly unknown[],
): Promise<unknown[] | undefined> {
  const lines = (items: readonly unknown[]): string =>
    items.map((item) => `${JSON.stringify(item)}\n`).join("");
  const merged = await mergeText(lines(base), lines(ours), lines(theirs));
  if (!merged.clean) return mergeSets(base, ours, theirs);
  return merged.text
    .split("\n")
    .filter((line) => line !== "")
    .map((line): unknown => JSON.parse(line));
}

const isPrimitive = (item: unknown): boolean => item === null || typeof item !== "object";

/**
 * Lists of plain values whose lines both changed in one place (each appended an item): as
 * sets, ours in its order, what the template removed taken out, what it added appended.
 */
function mergeSets(
  base: readonly unknown[],
  ours: readonly unknown[],
  theirs: readonly unknown[],
): unknown[] | undefined {
  if (![base, ours, theirs].every((list) => list.every(isPrimitive))) return undefined;
  const removed = base.filter((item) => !theirs.includes(item));
  const added = theirs.filter((item) => !base.includes(item) && !ours.includes(item));
  return [...ours.filter((item) => !removed.includes(item)), ...added];
}

async function walk(
  base: Value,
  ours: Value,
  theirs: Value,
  path: KeyPath,
  out: { edits: ValueEdit[]; conflicts: string[] },
): Promise<void> {
  if (sameValue(theirs, base) || sameValue(ours, theirs)) return;
  if (sameValue(ours, base)) {
    out.edits.push({ path, value: theirs });
    return;
  }
  const objectBase = base === ABSENT ? {} : base;
  if (isPlain(objectBase) && isPlain(ours) && isPlain(theirs)) {
    const keys = new Set([
      ...Object.keys(objectBase),
      ...Object.keys(ours),
      ...Object.keys(theirs),
    ]);
    for (const key of keys) {
      await walk(at(objectBase, key), at(ours, key), at(theirs, key), [...path, key], out);
    }
    return;
  }
  const listBase = base === ABSENT ? [] : base;
  if (Array.isArray(listBase) && Array.isArray(ours) && Array.isArray(theirs)) {
    const merged = await mergeLists(listBase, ours, theirs);
    if (merged !== undefined) {
      out.edits.push({ path, value: merged });
      return;
    }
  }
  out.conflicts.push(path.join("."));
}

/**
 * A three-way merge of parsed values, key by key: a key only one side changed takes that
 * side's value; keys the user added stay; the same key changed both ways is a conflict.
 */
export async function mergeValues(base: Value, ours: Value, theirs: Value): Promise<ValueMerge> {
  const out: { edits: ValueEdit[]; conflicts: string[] } = { edits: [], conflicts: [] };
  await walk(base, ours, theirs, [], out);
  return out;
}

/** The value at a path after the edits, for checking a printed result against the merge. */
export function applyEditsToValue(value: Value, edits: readonly ValueEdit[]): Value {
  let result = value;
  for (const edit of edits) result = setAt(result, edit.path, edit.value);
  return result;
}

function setAt(value: Value, path: KeyPath, next: Value): Value {
  const [key, ...rest] = path;
  if (key === undefined) return next;
  const object: Plain = isPlain(value) ? value : {};
  const child = setAt(at(object, key), rest, next);
  const rest2 = Object.entries(object).filter(([name]) => name !== key);
  return Object.fromEntries(child === ABSENT ? rest2 : [...rest2, [key, child]]);
}
