import { retargetGateStep } from "../core/add-adopt.js";
import type { Answers, LanguageEntry } from "../core/answers.js";
import { languageVars, renderProject } from "../core/create-project.js";
import { contentBytes, type ProjectFile } from "../core/files.js";
import type { CreateOptions } from "../core/options.js";
import { repositoryPackageManager } from "../core/package-manager.js";
import { loadAddMerger } from "../merge/index.js";
import { renderAddedLanguage } from "./add-layer.js";
import { isToolRecord, type BaseSnapshot } from "./snapshot.js";

const WORKFLOW = ".github/workflows/ci.yml";

/**
 * One thing applied to the repo and recorded in answers.json (the project `create` made, a
 * language `add` brought in; a team template later), able to render its files again.
 */
export interface UpdateLayer {
  readonly id: string;
  readonly render: () => Promise<readonly ProjectFile[]>;
}

async function createdProject(
  repoDir: string,
  made: NonNullable<Answers["answers"]>,
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
  return renderProject(options, languageVars(options));
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

/** The layers answers.json records, in the order they were applied. */
export function layersOf(repoDir: string, answers: Answers, base: BaseSnapshot): UpdateLayer[] {
  const languages = answers.languages ?? [];
  const layers: UpdateLayer[] = [];
  const made = answers.answers;
  if (made !== undefined) {
    const adoption = languages.find(isAdoption);
    layers.push({
      id: answers.template ?? `builtin:${made.lang}/${made.kind}`,
      render: async () => {
        const files = await createdProject(repoDir, made);
        return adoption === undefined ? files : adopted(files, adoption.lang);
      },
    });
  }
  for (const entry of languages) {
    if (made !== undefined && isAdoption(entry)) continue;
    layers.push({
      id: `add:${entry.lang}@${entry.dir}`,
      render: async () => {
        const files = await renderAddedLanguage(repoDir, entry, languages, !base.has("README.md"));
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
