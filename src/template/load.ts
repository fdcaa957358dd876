import {
  fetchTemplate,
  type FetchOptions,
  type FetchedTemplate,
} from "../template-source/index.js";
import { readManifest } from "./manifest.js";
import type { Manifest } from "./manifest-schema.js";
import { refuse } from "./refusal.js";
import { renderTeamFiles, selectEntries, teamSources, type SelectedEntry } from "./render-team.js";
import { handlebarsProblems } from "./safe-handlebars.js";
import { readUntrustedTree } from "./tree.js";

/** The partials a team file may use: the same ones our AGENTS.md renders with. */
export const TEAM_PARTIALS: ReadonlySet<string> = new Set([
  "agentsCommon",
  "agentsLang",
  "noExcuseRules",
]);

/** A team template read and checked: its manifest and the files its rules select. */
export interface CheckedTemplate {
  readonly manifest: Manifest;
  readonly selected: readonly SelectedEntry[];
}

export interface LoadedTemplate extends CheckedTemplate {
  readonly fetched: FetchedTemplate;
}

/**
 * Reads a template folder as untrusted input and refuses, naming the path, anything unsafe:
 * see readUntrustedTree for the tree, handlebarsProblems for the sources. Renders nothing.
 */
export async function checkTemplateFolder(dir: string): Promise<CheckedTemplate> {
  const manifest = await readManifest(dir);
  const entries = await readUntrustedTree(dir);
  const selected = selectEntries(entries, manifest.files);
  for (const { path, source } of teamSources(selected)) {
    const [problem] = await handlebarsProblems(source, TEAM_PARTIALS);
    if (problem !== undefined) {
      const where = problem.line === undefined ? path : `${path}:${String(problem.line)}`;
      throw refuse(where, problem.problem);
    }
  }
  // Paths known before any answer are checked now; the rest when rendered.
  const fixed = selected.filter((item) => !item.entry.path.includes("{{"));
  renderTeamFiles(
    fixed.map((item) => ({ ...item, rendered: false })),
    { render: (source) => source },
    {},
    "template",
    "",
  );
  return { manifest, selected };
}

/** `--template SRC`: fetched (only through template-source), then checked. */
export async function loadTemplate(spec: string, options: FetchOptions): Promise<LoadedTemplate> {
  const fetched = await fetchTemplate(spec, options);
  return { fetched, ...(await checkTemplateFolder(fetched.dir)) };
}

export { refuse };
