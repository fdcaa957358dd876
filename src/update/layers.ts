import { retargetGateStep } from "../core/add-adopt.js";
import type { Answers, LanguageEntry, TemplateRecord } from "../core/answers.js";
import { languageVars, renderContext, renderProject } from "../core/create-project.js";
import { contentBytes, type ProjectFile } from "../core/files.js";
import type { CreateOptions } from "../core/options.js";
import type { RenderContext } from "../core/template-engine.js";
import { repositoryPackageManager } from "../core/package-manager.js";
import { loadAddMerger } from "../merge/index.js";
import { renderAddedLanguage } from "./add-layer.js";
import { isToolRecord, type BaseSnapshot } from "./snapshot.js";
import { reloadTemplate, type TemplateUpdateOptions } from "./template-reload.js";
import { renderStandalone } from "./standalone-layer.js";

const WORKFLOW = ".github/workflows/ci.yml";

/**
 * One thing applied to the repo and recorded in answers.json (the project `create` made, a
 * language `add` brought in; a team template later), able to render its files again.
 */
export interface UpdateLayer {
  readonly id: string;
  readonly render: () => Promise<readonly ProjectFile[]>;
}

/** What rendering the team templates again needs and leaves: their new records, by index. */
export interface TemplateRun {
  readonly options: TemplateUpdateOptions;
  /** The `--answer` flags some template took (the rest name no question: an error). */
  readonly used: Set<string>;
  readonly records: Map<number, TemplateRecord>;
}

async function createdProject(
  repoDir: string,
  made: NonNullable<Answers["answers"]>,
  team:
    | { readonly index: number; readonly record: TemplateRecord; readonly run: TemplateRun }
    | undefined,
): Promise<readonly ProjectFile[]> {
  const options: CreateOptions = {
    targetDir: repoDir,
    name: made.name,
    lang: made.lang,
    kind: made.kind,
    ...(made.module === undefined ? {} : { module: made.module }),
    plugin: made.plugin,
    ...(made.marketplace === undefined ? {} : { marketplace: made.marketplace }),
    git: false,
    install: false,
    verify: false,
    dryRun: true,
    force: false,
    packageManager: made.packageManager ?? (await repositoryPackageManager(repoDir, "npm")),
  };
  const vars = languageVars(options);
  const rendered = await renderProject(options, vars);
  if (team === undefined) return rendered;
  const use = await reloadTemplate(
    team.record,
    team.index,
    made.lang,
    { ...team.run.options, cwd: repoDir },
    team.run.used,
  );
  const { layerForCreate, templateRecord } = await import("../template/project-files.js");
  const layered = await layerForCreate(use, rendered, renderContext(options, vars), options);
  team.run.records.set(team.index, templateRecord(layered.summary, "."));
  return layered.files;
}

/** The first unclaimed team template recorded for folder `dir`, claimed. */
function claim(
  templates: readonly TemplateRecord[],
  dir: string,
  taken: Set<number>,
): { readonly index: number; readonly record: TemplateRecord } | undefined {
  const index = templates.findIndex((record, at) => record.dir === dir && !taken.has(at));
  const record = templates[index];
  if (record === undefined) return undefined;
  taken.add(index);
  return { index, record };
}

/** The root project create made, as `add` left it when it took it in (its gate moved aside). */
function adopted(files: readonly ProjectFile[], lang: string): ProjectFile[] {
  const gate = `scripts/check-${lang}`;
  return files.map((file) => {
    if (file.path === "scripts/check") return { ...file, path: gate };
    if (file.path !== WORKFLOW) return file;
    return {
      ...file,
      content: retargetGateStep(new TextDecoder().decode(contentBytes(file.content)), gate),
    };
  });
}

function isAdoption(entry: LanguageEntry): boolean {
  return entry.dir === "." && entry.regions.includes(`${WORKFLOW}#jobs.check`);
}

/** Lays a team template over an added language again, the way `add --template` did. */
function addedTemplate(
  repoDir: string,
  entry: LanguageEntry,
  team: { readonly index: number; readonly record: TemplateRecord },
  run: TemplateRun,
): (laidOut: readonly ProjectFile[], context: RenderContext) => Promise<readonly ProjectFile[]> {
  return async (laidOut, context) => {
    const use = await reloadTemplate(
      team.record,
      team.index,
      entry.lang,
      { ...run.options, cwd: repoDir },
      run.used,
    );
    const { layerForAdd, templateRecord } = await import("../template/project-files.js");
    const layered = await layerForAdd(use, laidOut, context, {
      lang: entry.lang,
      dir: entry.dir,
      repoDir,
    });
    run.records.set(team.index, templateRecord(layered.summary, entry.dir));
    return layered.files;
  };
}

/** The layers answers.json records, in the order they were applied. */
export function layersOf(
  repoDir: string,
  answers: Answers,
  base: BaseSnapshot,
  run: TemplateRun = { options: {}, used: new Set(), records: new Map() },
): UpdateLayer[] {
  const languages = answers.languages ?? [];
  const templates = answers.templates ?? [];
  const taken = new Set<number>();
  const layers: UpdateLayer[] = [];
  const made = answers.answers;
  if (made !== undefined) {
    const adoption = languages.find(isAdoption);
    const claimed = claim(templates, ".", taken);
    const team = claimed === undefined ? undefined : { ...claimed, run };
    layers.push({
      id: answers.template ?? `builtin:${made.lang}/${made.kind}`,
      render: async () => {
        const files = await createdProject(repoDir, made, team);
        return adoption === undefined ? files : adopted(files, adoption.lang);
      },
    });
  }
  const alone = made === undefined ? claim(templates, ".", taken) : undefined;
  if (alone !== undefined) {
    layers.push({
      id: `template:${alone.record.source}`,
      render: () => renderStandalone(repoDir, alone, run),
    });
  }
  for (const entry of languages) {
    if (made !== undefined && isAdoption(entry)) continue;
    const team = claim(templates, entry.dir, taken);
    layers.push({
      id: `add:${entry.lang}@${entry.dir}`,
      render: async () => {
        const files = await renderAddedLanguage(
          repoDir,
          entry,
          languages,
          !base.has("README.md"),
          team === undefined ? undefined : addedTemplate(repoDir, entry, team, run),
        );
        // A workspace manifest add registered the folder in is rendered only while it is not
        // registered: afterwards the template has nothing new to say about it.
        const held = new Set(files.map((file) => file.path));
        const kept = entry.regions
          .filter((region) => region.endsWith("#members"))
          .map((region) => region.slice(0, -"#members".length))
          .flatMap((path) => {
            const was = base.get(path);
            return was === undefined || held.has(path) ? [] : [was];
          });
        return [...files, ...kept];
      },
    });
  }
  return layers;
}

const decoder = new TextDecoder();

/**
 * Every layer rendered and joined into one file list: a path two layers write (AGENTS.md, the
 * workflow, .editorconfig) is joined the way `add` joins it; the tool's own records are left out.
 */
export async function renderLayers(
  layers: readonly UpdateLayer[],
): Promise<Map<string, ProjectFile>> {
  const joined = new Map<string, ProjectFile>();
  for (const layer of layers) {
    for (const file of await layer.render()) {
      if (isToolRecord(file.path)) continue;
      const earlier = joined.get(file.path);
      const merger = earlier === undefined ? undefined : await loadAddMerger(file.path);
      const merged =
        earlier === undefined || merger === undefined
          ? undefined
          : merger(
              decoder.decode(contentBytes(earlier.content)),
              decoder.decode(contentBytes(file.content)),
            );
      joined.set(file.path, merged?.ok === true ? { ...file, content: merged.text } : file);
    }
  }
  return joined;
}
