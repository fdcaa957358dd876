import { usageError } from "../core/errors.js";
import { LANGUAGES, type Language } from "../core/options.js";

/** Other names people type for a language; accepted as if the id had been typed. */
export const LANGUAGE_ALIASES: Readonly<Record<string, Language>> = {
  typescript: "ts",
  py: "python",
  python3: "python",
  golang: "go",
  rs: "rust",
};

/** The language id for an id or an alias, exactly as typed; undefined for anything else. */
export function knownLanguage(value: string): Language | undefined {
  return LANGUAGES.find((id) => id === value) ?? LANGUAGE_ALIASES[value];
}

/** Edits (insert, delete, substitute, swap two neighbours) to turn one word into the other. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_unused, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      const row = rows[i];
      if (row !== undefined) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The language a near miss (`TS`, `pyhton`, `golnag`) most likely meant. */
function closest(value: string): Language | undefined {
  const lowered = value.toLowerCase();
  const exact = knownLanguage(lowered);
  if (exact !== undefined) return exact;
  const names = [...LANGUAGES, ...Object.keys(LANGUAGE_ALIASES)];
  let best: { readonly name: string; readonly edits: number } | undefined;
  for (const name of names) {
    const edits = distance(lowered, name);
    if (edits <= Math.min(2, name.length - 1) && (best === undefined || edits < best.edits)) {
      best = { name, edits };
    }
  }
  return best === undefined ? undefined : knownLanguage(best.name);
}

/** Reads a --lang value: an id or an alias; anything else is a usage error with a suggestion. */
export function parseLanguage(value: string): Language {
  const found = knownLanguage(value);
  if (found !== undefined) return found;
  const guess = closest(value);
  const choices = `--lang takes one of: ${LANGUAGES.join(", ")} (or ${Object.keys(LANGUAGE_ALIASES).join(", ")})`;
  throw usageError(
    `unknown language "${value}"`,
    guess === undefined ? choices : `did you mean --lang ${guess}? ${choices}`,
  );
}
