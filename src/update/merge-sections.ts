import { endMarker } from "../merge/sections.js";
import { mergeText } from "./merge-text.js";
import type { FileMerge } from "./merge-structured.js";

interface Section {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

const BEGIN = /<!-- litclaude:begin ([\w./-]+) -->/g;

/** The marked sections of a text in order; undefined when a marker is unpaired. */
function sections(text: string): Section[] | undefined {
  const found: Section[] = [];
  for (const match of text.matchAll(BEGIN)) {
    const id = match[1] ?? "";
    const close = endMarker(id);
    const end = text.indexOf(close, match.index);
    if (end === -1) return undefined;
    const next = text.indexOf("\n", end + close.length);
    found.push({ id, start: match.index, end: next === -1 ? text.length : next + 1 });
  }
  return found;
}

function byId(text: string, list: readonly Section[]): Map<string, string> {
  return new Map(list.map((section) => [section.id, text.slice(section.start, section.end)]));
}

/**
 * AGENTS.md and CLAUDE.md: each marked section the tool owns is merged on its own and put back
 * in place; the user's text around the markers is never touched. A section the user removed
 * stays removed; one the template dropped goes only if the user left it as it was.
 */
export async function mergeSectionsThreeWay(
  base: string,
  ours: string,
  theirs: string,
): Promise<FileMerge | undefined> {
  const [inBase, inOurs, inTheirs] = [sections(base), sections(ours), sections(theirs)];
  if (inBase === undefined || inOurs === undefined || inTheirs === undefined) return undefined;
  if (inTheirs.length === 0 && inBase.length === 0) return undefined;
  const baseBlocks = byId(base, inBase);
  const theirBlocks = byId(theirs, inTheirs);
  const replaced = new Map<string, string>();
  const conflicts: string[] = [];
  for (const section of inOurs) {
    const mine = ours.slice(section.start, section.end);
    const was = baseBlocks.get(section.id);
    const next = theirBlocks.get(section.id);
    if (next === undefined) {
      replaced.set(section.id, was === mine ? "" : mine);
      continue;
    }
    const merged = await mergeText(was ?? "", mine, next);
    if (!merged.clean) conflicts.push(`section ${section.id}`);
    replaced.set(section.id, merged.text);
  }
  let text = ours;
  for (const section of [...inOurs].reverse()) {
    text = `${text.slice(0, section.start)}${replaced.get(section.id) ?? ""}${text.slice(section.end)}`;
  }
  const held = new Set(inOurs.map((section) => section.id));
  for (const section of inTheirs) {
    if (held.has(section.id) || baseBlocks.has(section.id)) continue;
    const block = theirs.slice(section.start, section.end);
    text = `${text}${text === "" || text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n"}${block}`;
  }
  return conflicts.length === 0
    ? { clean: true, text, how: "structure" }
    : { clean: false, text, conflicts };
}
