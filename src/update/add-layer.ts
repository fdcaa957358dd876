import { addLayout } from "../core/add-layout.js";
import { partialsLayer, sectionBodies } from "../core/add-language.js";
import { workspaceFiles } from "../core/add-workspace.js";
import type { LanguageEntry } from "../core/answers.js";
import { languageVars, renderContext, renderProject } from "../core/create-project.js";
import type { ProjectFile } from "../core/files.js";
import type { RenderContext } from "../core/template-engine.js";
import { builtinPartials } from "../core/layers.js";
import type { CreateOptions } from "../core/options.js";
import { repositoryPackageManager } from "../core/package-manager.js";
import { languageModule } from "../lang/index.js";
/**
 * What `add` writes for one recorded language, rendered again with its recorded answers (for
 * `update`): the same layout, sections and combined gate, without reading what the repo holds
 * beyond its workspace manifests.
 */
export async function renderAddedLanguage(
  repoDir: string,
  entry: LanguageEntry,
  languages: readonly LanguageEntry[],
  rootHasReadme: boolean,
  /** A team template `add --template` laid over the language, applied again the same way. */
  template?: (
    laidOut: readonly ProjectFile[],
    context: RenderContext,
  ) => Promise<readonly ProjectFile[]>,
): Promise<readonly ProjectFile[]> {
  const { answers } = entry;
  const createOptions: CreateOptions = {
    targetDir: repoDir,
    name: answers.name,
    lang: entry.lang,
    kind: entry.kind,
    ...(answers.module === undefined ? {} : { module: answers.module }),
    plugin: answers.plugin,
    ...(answers.marketplace === undefined ? {} : { marketplace: answers.marketplace }),
    git: false,
    install: false,
    verify: false,
    dryRun: true,
    force: false,
    packageManager: await repositoryPackageManager(repoDir, "npm"),
  };
  const partials = await builtinPartials(entry.lang);
  const rendered = await renderProject(createOptions, languageVars(createOptions), [
    partialsLayer(partials),
  ]);
  const label = languageModule(entry.lang).label;
  const laidOut = addLayout({
    rendered,
    sections: sectionBodies(rendered, entry.lang, entry.dir, label),
    entry,
    languages,
    version: entry.version,
    rootHasReadme,
    workspace: await workspaceFiles(repoDir, entry.lang, entry.dir),
  });
  const vars = languageVars(createOptions);
  return template === undefined ? laidOut : template(laidOut, renderContext(createOptions, vars));
}
