import { mergeGitignore } from "./gitignore.js";
import type { Merger } from "./types.js";

/**
 * The merger `create` uses for a project path, or undefined when a differing file is a conflict.
 * Loaded on demand: a new project never merges, so it never pays for the JSON parser.
 */
export async function loadMerger(path: string): Promise<Merger | undefined> {
  if (path === ".gitignore") return mergeGitignore;
  if (path.startsWith(".claude/") && path.endsWith(".json")) {
    return (await import("./json.js")).mergeJson;
  }
  return undefined;
}

export type LoadMerger = (path: string) => Promise<Merger | undefined>;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The mergers `add` uses: it changes repos the user made, so more file kinds merge. */
export async function loadAddMerger(path: string): Promise<Merger | undefined> {
  const name = baseName(path);
  if (path === ".litclaude/answers.json") return (await import("./answers.js")).mergeAnswers;
  if (path === "scripts/check") return (await import("./gate.js")).mergeCombinedGate;
  if (name === ".gitignore") return mergeGitignore;
  if (path === "AGENTS.md" || path === "CLAUDE.md") {
    return (await import("./sections.js")).mergeSections;
  }
  if (path === ".editorconfig") return (await import("./editorconfig.js")).mergeEditorconfig;
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) {
    return (await import("./workflow.js")).mergeWorkflow;
  }
  if (
    (path.startsWith(".claude/") && name.endsWith(".json")) ||
    name === "package.json" ||
    /^tsconfig(\.[\w-]+)?\.json$/.test(name)
  ) {
    return (await import("./json.js")).mergeJson;
  }
  if (name === "Cargo.toml" || name === "pyproject.toml") {
    return (await import("./toml.js")).mergeToml;
  }
  if (path === "pnpm-workspace.yaml") {
    return (await import("./pnpm-workspace.js")).mergePnpmWorkspace;
  }
  if (path === "go.work") return (await import("./go-work.js")).mergeGoWork;
  return undefined;
}
