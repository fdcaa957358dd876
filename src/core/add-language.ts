import { basename, join, posix } from "node:path";
import { loadAddMerger } from "../merge/index.js";
import { ADD_SECTIONS_DIR, addLayout, regionsFor } from "./add-layout.js";
import { builtinPartials } from "./layers.js";
import type { ProjectFile } from "./files.js";
import { addOptionsSchema, type AddOptions } from "./add-options.js";
import type { Answers, LanguageEntry } from "./answers.js";
import { readAnswersIfPresent } from "./answers-read.js";
import { languageVars, renderContext, renderProject } from "./create-project.js";
import { usageError } from "./errors.js";
import type { FileReport } from "./file-report.js";
import { report } from "./add-report.js";
import { dirtyPaths } from "./git-dirty.js";
import type { Restored } from "./journal.js";
import type { CreateOptions } from "./options.js";
import { planFiles, type Plan } from "./plan.js";
import type { Layer } from "./render.js";
import { toolVersion } from "./version.js";
import { workspaceFiles } from "./add-workspace.js";
import { adoptCreated } from "./add-adopt.js";
import { writeProject } from "./write-project.js";
import { languageModule } from "../lang/index.js";
import { repositoryPackageManager } from "./package-manager.js";
import { pathExists } from "./fs-probe.js";
import { snapshotAfterAdd, withSnapshotReplaced } from "../update/snapshot-add.js";
import type { TaskResult } from "./tasks.js";
import type { TemplateSummary, TemplateUse } from "../template/apply-template.js";

export interface AddResult {
  readonly ok: boolean;
  readonly command: "add";
  readonly target: string;
  readonly lang: string;
  readonly dir: string;
  readonly dryRun: boolean;
  /** False when the repo already holds exactly what this add would write. */
  readonly changed: boolean;
  /** Every file and what happens to it, with a unified diff wherever bytes would change. */
  readonly files: readonly FileReport[];
  readonly backups: readonly string[];
  readonly recovered: Restored | undefined;
  /** With --template: what the team template added, merged or turned down. */
  readonly template?: TemplateSummary | undefined;
  /** With --template: its post-create tasks (skipped unless trusted). */
  readonly tasks?: readonly TaskResult[] | undefined;
}

export function parseAddOptions(input: unknown): AddOptions {
  const parsed = addOptionsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first === undefined ? "options" : first.path.join(".");
  throw usageError(`invalid ${where}: ${first?.message ?? "unknown problem"}`);
}

/** `services/api/` -> `services/api`; refuses paths that leave the repository. */
export function normalDir(dir: string): string {
  const normal = posix.normalize(dir.replaceAll("\\", "/")).replace(/\/$/, "") || ".";
  if (normal.startsWith("/") || normal === ".." || normal.startsWith("../")) {
    throw usageError(
      `--dir ${dir} is outside the repository`,
      "give a folder inside it, relative to the root",
    );
  }
  if (normal === ".litclaude" || normal.startsWith(".litclaude/") || normal.startsWith(".git/")) {
    throw usageError(`--dir ${dir} is a folder tools own`, "choose a folder for source code");
  }
  return normal;
}

function readAnswers(repoDir: string): Promise<Answers | undefined> {
  return readAnswersIfPresent(repoDir, "fix or remove it and run again; nothing was written");
}

/**
 * The AGENTS.md partials as a layer of their own, byte for byte, so they render from the build's
 * precompiled form (a new wrapper source would load the handlebars compiler on every add).
 */
export function partialsLayer(partials: Readonly<Record<string, string>>): Layer {
  const encode = (source: string): Uint8Array => new TextEncoder().encode(source);
  return {
    label: "add sections",
    into: "",
    verbatim: false,
    entries: Object.entries(partials).map(([name, source]) => ({
      path: `${ADD_SECTIONS_DIR}/${name}.md.hbs`,
      bytes: encode(source),
      executable: false,
    })),
  };
}

function renderedText(files: readonly ProjectFile[], name: string): string {
  const file = files.find((item) => item.path === `${ADD_SECTIONS_DIR}/${name}.md`);
  if (file === undefined) return "";
  return typeof file.content === "string" ? file.content : new TextDecoder().decode(file.content);
}

/** The bodies of the shared and the language's AGENTS.md sections. */
export function sectionBodies(
  files: readonly ProjectFile[],
  lang: string,
  dir: string,
  label: string,
): { readonly shared: string; readonly lang: string } {
  const where = dir === "." ? "the repository root" : `\`${dir}/\``;
  const gate = dir === "." ? `scripts/check-${lang}` : `${dir}/scripts/check`;
  const shared = [
    "## Strict setup (create-litclaude)",
    "",
    "The one command for the whole repository is `scripts/check` at its root: it runs each",
    "language's gate in its folder and ends with `OK` or `FAILED: <lang>/<step>`. Run it before",
    "every commit. Bring in another language with `npx create-litclaude add <lang> --dir PATH`.",
    "",
    renderedText(files, "agentsCommon"),
  ].join("\n");
  const own =
    `## ${label} in ${where}\n\n` +
    `Its own gate is \`${gate}\` (format check, lint, type check, \`scripts/no-excuse\`, tests).\n\n` +
    `${renderedText(files, "agentsLang")}\n\n${renderedText(files, "noExcuseRules")}`;
  return { shared, lang: own };
}

async function refuseDirty(repoDir: string, plan: Plan): Promise<void> {
  const touched = plan.entries
    .filter((entry) => entry.current !== undefined && entry.action !== "identical")
    .map((entry) => entry.path);
  const dirty = await dirtyPaths(repoDir, touched);
  if (dirty.length === 0) return;
  throw usageError(
    `uncommitted changes to files this add would change: ${dirty.join(", ")}`,
    "commit or stash them first, or pass --allow-dirty; nothing was written",
  );
}

/** `create-litclaude add <lang>`: render, lay out under --dir, plan, then one journaled apply. */
export async function addLanguage(
  input: unknown,
  signal?: AbortSignal,
  template?: TemplateUse,
): Promise<AddResult> {
  const options = parseAddOptions(input);
  const dir = normalDir(options.dir);
  const existing = await readAnswers(options.repoDir);
  const name = options.name ?? basename(dir === "." ? options.repoDir : dir);
  const createOptions: CreateOptions = {
    targetDir: options.repoDir,
    name,
    lang: options.lang,
    kind: options.kind,
    ...(options.module === undefined ? {} : { module: options.module }),
    plugin: options.plugin,
    ...(options.marketplace === undefined ? {} : { marketplace: options.marketplace }),
    git: false,
    install: false,
    verify: false,
    dryRun: options.dryRun,
    force: options.force,
    packageManager: await repositoryPackageManager(options.repoDir, "npm"),
  };
  const vars = languageVars(createOptions);
  const label = languageModule(options.lang).label;
  const [rendered, workspace, readme] = await Promise.all([
    builtinPartials(options.lang).then(async (partials) =>
      renderProject(createOptions, vars, [partialsLayer(partials)]),
    ),
    workspaceFiles(options.repoDir, options.lang, dir),
    pathExists(join(options.repoDir, "README.md")),
  ]);
  const version = toolVersion();
  const entry: LanguageEntry = {
    lang: options.lang,
    dir,
    kind: options.kind,
    version,
    answers: {
      name,
      lang: options.lang,
      kind: options.kind,
      ...(options.module === undefined ? {} : { module: options.module }),
      plugin: options.plugin,
      ...(options.marketplace === undefined ? {} : { marketplace: options.marketplace }),
    },
    regions: regionsFor(
      options.lang,
      dir,
      workspace.map((file) => file.path),
    ),
  };
  const adoption = await adoptCreated(options.repoDir, existing);
  const before = [
    ...(adoption === undefined ? [] : [adoption.entry]),
    ...(existing?.languages ?? []),
  ];
  const same = (other: LanguageEntry): boolean => other.dir === dir && other.lang === entry.lang;
  const languages = before.some(same)
    ? before.map((other) => (same(other) ? entry : other))
    : [...before, entry];
  const laidOut = [
    ...addLayout({
      rendered,
      sections: sectionBodies(rendered, options.lang, dir, label),
      entry,
      languages,
      version,
      rootHasReadme: readme,
      workspace,
      ...(adoption === undefined ? {} : { adopted: [adoption.entry] }),
    }),
    ...(adoption?.files ?? []),
  ];
  const templated =
    template === undefined
      ? undefined
      : await (
          await import("../template/project-files.js")
        ).layerForAdd(template, laidOut, renderContext(createOptions, vars), {
          ...options,
          dir,
        });
  const addMergers = adoption?.mergers ?? loadAddMerger;
  const layered = templated?.files ?? laidOut;
  // The base update merges against later, with what this add writes folded in.
  const files = [...layered, await snapshotAfterAdd(options.repoDir, layered, addMergers)];
  const mergers = withSnapshotReplaced(addMergers);
  const base = { command: "add", target: options.repoDir, lang: options.lang, dir } as const;
  if (options.dryRun) {
    const plan = await planFiles(options.repoDir, files, options.force, mergers);
    return {
      ...base,
      ok: !plan.entries.some((item) => item.action === "conflict"),
      dryRun: true,
      template: templated?.summary,
      changed: plan.entries.some((item) => item.action !== "identical"),
      files: await report(plan),
      backups: [],
      recovered: undefined,
    };
  }
  const written = await writeProject(options.repoDir, files, {
    force: options.force,
    shown: ".",
    intoProject: { mergers },
    ...(options.allowDirty
      ? {}
      : { beforeApply: (plan: Plan) => refuseDirty(options.repoDir, plan) }),
    ...(signal === undefined ? {} : { signal }),
  });
  const tasks = written.conflicted ? undefined : await templated?.runTasks(signal);
  return {
    ...base,
    template: templated?.summary,
    tasks,
    ok: !written.conflicted && (tasks ?? []).every((task) => task.status !== "failed"),
    dryRun: false,
    changed: written.plan.entries.some((item) => item.action !== "identical"),
    files: await report(written.plan),
    backups: written.backups,
    recovered: written.recovered,
  };
}
