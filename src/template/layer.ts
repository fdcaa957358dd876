import type { ProjectFile } from "../core/files.js";
import { LitError } from "../core/errors.js";
import { markedSection } from "../merge/sections.js";
import type { MergeResult, Merger } from "../merge/types.js";
import { caseCollision } from "./tree.js";
import { refuse } from "./refusal.js";
import { weakenings, type Weakening } from "./weakening.js";

/** How a team file that the baseline also writes was combined with ours. */
export type LayerAction = "added" | "merged" | "replaced";

export interface LayeredFile {
  readonly path: string;
  readonly action: LayerAction;
}

export interface Layered {
  readonly files: readonly ProjectFile[];
  readonly teamFiles: readonly LayeredFile[];
  readonly weakened: readonly Weakening[];
}

const decoder = new TextDecoder();

function textOf(file: ProjectFile): string {
  return typeof file.content === "string" ? file.content : decoder.decode(file.content);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/**
 * How a team file combines with the baseline's: `ours-first` mergers add the team's part to our
 * file (.gitignore lines, an AGENTS.md section); `theirs-first` ones keep every value the team
 * set and add the keys of ours it lacks (JSON, TOML, workflows, .editorconfig).
 */
async function mergerFor(
  path: string,
  sectionId: string,
): Promise<{ readonly merge: Merger; readonly order: "ours-first" | "theirs-first" } | undefined> {
  const name = baseName(path);
  if (name === ".gitignore") {
    return { merge: (await import("../merge/gitignore.js")).mergeGitignore, order: "ours-first" };
  }
  if (name === "AGENTS.md" || name === "CLAUDE.md") {
    const merge: Merger = (ours, team) => ({
      ok: true,
      text: `${ours.endsWith("\n") ? ours : `${ours}\n`}\n${markedSection(sectionId, team)}`,
    });
    return { merge, order: "ours-first" };
  }
  if (name.endsWith(".json")) {
    return { merge: (await import("../merge/json.js")).mergeJson, order: "theirs-first" };
  }
  if (name === "Cargo.toml" || name === "pyproject.toml") {
    return { merge: (await import("../merge/toml.js")).mergeToml, order: "theirs-first" };
  }
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) {
    return { merge: (await import("../merge/workflow.js")).mergeWorkflow, order: "theirs-first" };
  }
  if (name === ".editorconfig") {
    return {
      merge: (await import("../merge/editorconfig.js")).mergeEditorconfig,
      order: "theirs-first",
    };
  }
  return undefined;
}

function merged(result: MergeResult, path: string, fallback: string): string {
  if (result.ok) return result.text;
  if (result.conflict === true) return fallback;
  const where = result.line === undefined ? "" : ` (line ${String(result.line)})`;
  throw new LitError(
    "usage",
    `template file ${path} cannot be merged with ours: ${result.reason}${where}`,
    {
      hint: "fix the file in the template; nothing was written",
    },
  );
}

/**
 * Lays the team's files over the baseline's: a path only the team writes is added; where both
 * write it, a structured merger combines them, and otherwise the team's file replaces ours.
 * Every strict setting the result turns down is listed. Pure apart from loading mergers.
 */
export async function layerOver(
  baseline: readonly ProjectFile[],
  team: readonly ProjectFile[],
  sectionId = "template",
): Promise<Layered> {
  const byPath = new Map(baseline.map((file) => [file.path, file]));
  const teamFiles: LayeredFile[] = [];
  const weakened: Weakening[] = [];
  for (const file of team) {
    const ours = byPath.get(file.path);
    if (ours === undefined) {
      byPath.set(file.path, file);
      teamFiles.push({ path: file.path, action: "added" });
      continue;
    }
    const oursText = textOf(ours);
    const theirs = textOf(file);
    const merger = await mergerFor(file.path, sectionId);
    // A file no merger knows replaces ours byte for byte (it may be binary).
    const content =
      merger === undefined
        ? file.content
        : merger.order === "ours-first"
          ? merged(merger.merge(oursText, theirs), file.path, theirs)
          : merged(merger.merge(theirs, oursText), file.path, theirs);
    byPath.set(file.path, {
      path: file.path,
      content,
      executable: ours.executable || file.executable,
    });
    teamFiles.push({ path: file.path, action: merger === undefined ? "replaced" : "merged" });
    weakened.push(
      ...weakenings(file.path, oursText, typeof content === "string" ? content : theirs),
    );
  }
  const files = [...byPath.values()].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  const collision = caseCollision(files.map((item) => item.path));
  if (collision !== undefined) {
    throw refuse(collision[1], `differs from ${collision[0]} only by case`);
  }
  return { files, teamFiles, weakened };
}
