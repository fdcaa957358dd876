import type { LanguageEntry } from "./answers.js";
import type { ProjectFile } from "./files.js";
import { jobId, workflowForAdd } from "./add-workflow.js";
import { combinedGate } from "./combined-gate.js";
import { markedSection } from "../merge/sections.js";

/** Where `add` renders its own extra sources, taken out of the file list before planning. */
export const ADD_SECTIONS_DIR = ".litclaude-add";

const WORKFLOW = ".github/workflows/ci.yml";

/** Files that stay at the repository root, shared by every language. */
function atRoot(path: string): boolean {
  return path === ".editorconfig" || path === WORKFLOW || path.startsWith(".claude/");
}

/** The language's own gate: in its folder, or beside the combined gate when it is the root. */
export function languageGate(lang: string, dir: string): string {
  return dir === "." ? `scripts/check-${lang}` : `${dir}/scripts/check`;
}

export function sectionId(lang: string, dir: string): string {
  return dir === "." ? lang : `${lang}/${dir}`;
}

function under(dir: string, path: string): string {
  return dir === "." ? path : `${dir}/${path}`;
}

function text(file: ProjectFile | undefined): string {
  if (file === undefined) return "";
  return typeof file.content === "string" ? file.content : new TextDecoder().decode(file.content);
}

export interface AddLayoutInput {
  readonly rendered: readonly ProjectFile[];
  /** The bodies of the shared and the language's AGENTS.md sections. */
  readonly sections: { readonly shared: string; readonly lang: string };
  readonly entry: LanguageEntry;
  /** Every language the repo will hold after this add, this one included, in record order. */
  readonly languages: readonly LanguageEntry[];
  readonly version: string;
  /** Root README.md is the user's when the language goes to the root and one exists. */
  readonly rootHasReadme: boolean;
  /** Workspace manifests to register the new folder in (already merged-ready fragments). */
  readonly workspace: readonly ProjectFile[];
  /** Languages already in the repo that this add records too (a root project `create` made). */
  readonly adopted?: readonly LanguageEntry[];
}

/** The regions of shared files a language owns, as answers.json records them. */
export function regionsFor(lang: string, dir: string, workspace: readonly string[]): string[] {
  return [
    `AGENTS.md#${sectionId(lang, dir)}`,
    "AGENTS.md#shared",
    "CLAUDE.md#shared",
    `${WORKFLOW}#jobs.${jobId(lang, dir, "check")}`,
    `${under(dir, ".gitignore")}#lines`,
    ".editorconfig#sections",
    "scripts/check",
    ...workspace.map((path) => `${path}#members`),
  ];
}

/**
 * Moves a rendered project into the layout `add` writes: the language's files under its folder,
 * shared files at the root as mergeable fragments (marked sections, one workflow job per
 * language), the combined gate and the answers record. Pure: reads and writes nothing.
 */
export function addLayout(input: AddLayoutInput): readonly ProjectFile[] {
  const { rendered, entry } = input;
  const { lang, dir } = entry;
  const byPath = new Map(rendered.map((file) => [file.path, file]));
  const gate = languageGate(lang, dir);
  const files: ProjectFile[] = [];
  for (const file of rendered) {
    const { path } = file;
    if (path.startsWith(`${ADD_SECTIONS_DIR}/`) || path === ".litclaude/answers.json") continue;
    if (path === "AGENTS.md" || path === "CLAUDE.md") continue;
    if (path === "README.md" && dir === "." && input.rootHasReadme) continue;
    if (path === WORKFLOW) {
      const jobGate = dir === "." ? gate : "scripts/check";
      files.push({ ...file, content: workflowForAdd(text(file), lang, dir, jobGate) });
    } else if (path === "scripts/check") {
      files.push({ ...file, path: gate });
    } else {
      files.push({ ...file, path: atRoot(path) ? path : under(dir, path) });
    }
  }
  const agents =
    `${markedSection("shared", input.sections.shared)}\n` +
    markedSection(sectionId(lang, dir), input.sections.lang);
  files.push(
    { path: "AGENTS.md", content: agents, executable: false },
    {
      path: "CLAUDE.md",
      content: markedSection("shared", text(byPath.get("CLAUDE.md"))),
      executable: false,
    },
    { path: "scripts/check", content: combinedGate(input.languages), executable: true },
    {
      path: ".litclaude/answers.json",
      content: `${JSON.stringify(
        {
          generator: "create-litclaude",
          version: input.version,
          languages: [...(input.adopted ?? []), entry],
        },
        null,
        2,
      )}\n`,
      executable: false,
    },
    ...input.workspace,
  );
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
