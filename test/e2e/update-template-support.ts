import { execFileSync } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { tempDir } from "./support.js";
import { isolatedGitEnv } from "./template-fetch/repos.js";

/** The path and status of each file in `update --json` output. */
export function reportedFiles(stdout: string): readonly { path: string; status: string }[] {
  const value: unknown = JSON.parse(stdout);
  const listed: unknown =
    typeof value === "object" && value !== null && "files" in value ? value.files : undefined;
  if (!Array.isArray(listed)) throw new Error(stdout);
  return listed.map((item: unknown) => {
    if (typeof item !== "object" || item === null) throw new Error(stdout);
    const path = "path" in item ? item.path : undefined;
    const status = "status" in item ? item.status : undefined;
    if (typeof path !== "string" || typeof status !== "string") throw new Error(stdout);
    return { path, status };
  });
}

/** The files `update --json` would change (any status but unchanged). */
export function changedFiles(stdout: string): readonly { path: string; status: string }[] {
  return reportedFiles(stdout).filter((file) => file.status !== "unchanged");
}

/** A bare git repository of a team template at two tags, and main one commit past v2. */
export interface TeamRepo {
  readonly url: string;
  readonly bare: string;
  readonly v1: string;
  readonly v2: string;
  readonly main: string;
  readonly env: Record<string, string>;
}

export const STYLE_V1 = "# Style\n\nShort functions.\n";
export const STYLE_V2_LINE = "\nNo default exports.\n";
export const STYLE_MAIN_LINE = "\nUnreleased rule.\n";

const MANIFEST_V1 = {
  name: "team",
  version: "1.0.0",
  extends: { lang: "ts" },
  questions: [{ id: "team", type: "string", default: "platform" }],
};

const V1: Readonly<Record<string, string>> = {
  "litclaude.template.json": `${JSON.stringify(MANIFEST_V1, null, 2)}\n`,
  "AGENTS.md.hbs": "## Team {{team}}\n\nAsk the {{team}} channel first.\n",
  "docs/STYLE.md": STYLE_V1,
  "docs/ONCALL.md": "# On call\n\nPage the team.\n",
  _gitignore: ".env.local\n",
};

const V2: Readonly<Record<string, string>> = {
  "litclaude.template.json": `${JSON.stringify(
    {
      ...MANIFEST_V1,
      version: "2.0.0",
      questions: [...MANIFEST_V1.questions, { id: "channel", type: "string", default: "general" }],
    },
    null,
    2,
  )}\n`,
  "AGENTS.md.hbs": "## Team {{team}}\n\nAsk the {{team}} channel first, in #{{channel}}.\n",
  "docs/STYLE.md": `${STYLE_V1}${STYLE_V2_LINE}`,
  "docs/RUNBOOK.md.hbs": "# Runbook\n\nAlerts go to #{{channel}}.\n",
};

function gitIn(cwd: string, env: Record<string, string>, args: readonly string[]): string {
  return execFileSync("git", [...args], { cwd, env, encoding: "utf8" }).trim();
}

async function put(dir: string, files: Readonly<Record<string, string>>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

/** The team template repository, bare, reached through a file:// URL. */
export async function makeTeamRepo(): Promise<TeamRepo> {
  const root = await tempDir("litclaude-team-repo-");
  const env = isolatedGitEnv(join(root, "home"));
  const work = join(root, "work");
  await mkdir(work);
  gitIn(work, env, ["init", "--quiet", "--initial-branch", "main"]);
  await put(work, V1);
  gitIn(work, env, ["add", "-A"]);
  gitIn(work, env, ["commit", "--quiet", "-m", "v1"]);
  gitIn(work, env, ["tag", "-a", "v1", "-m", "v1"]);
  const v1 = gitIn(work, env, ["rev-parse", "HEAD"]);
  await rm(join(work, "docs/ONCALL.md"));
  await put(work, V2);
  gitIn(work, env, ["add", "-A"]);
  gitIn(work, env, ["commit", "--quiet", "-m", "v2"]);
  gitIn(work, env, ["tag", "v2"]);
  const v2 = gitIn(work, env, ["rev-parse", "HEAD"]);
  await put(work, { "docs/STYLE.md": `${STYLE_V1}${STYLE_V2_LINE}${STYLE_MAIN_LINE}` });
  gitIn(work, env, ["commit", "--quiet", "-am", "after v2"]);
  const main = gitIn(work, env, ["rev-parse", "HEAD"]);
  const bare = join(root, "team.git");
  gitIn(root, env, ["clone", "--quiet", "--bare", work, bare]);
  return { url: `file://${bare}`, bare, v1, v2, main, env };
}

/** The environment a run of the bin gets: git isolated, the template cache in `cache`. */
export function runEnv(repo: TeamRepo, cache: string): Record<string, string> {
  return { ...repo.env, [CACHE_ENV]: cache, CI: "true" };
}

const CACHE_ENV = "LITCLAUDE_CACHE_DIR";
