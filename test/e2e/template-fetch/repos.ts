import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A git environment that reads no user or system config, so a developer's settings never leak in. */
export function isolatedGitEnv(home: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith("GIT_") && !key.endsWith("_TOKEN")) env[key] = value;
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    XDG_CACHE_HOME: join(home, ".cache"),
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: join(home, ".gitconfig-none"),
    GIT_AUTHOR_NAME: "Template Author",
    GIT_AUTHOR_EMAIL: "author@example.test",
    GIT_COMMITTER_NAME: "Template Author",
    GIT_COMMITTER_EMAIL: "author@example.test",
  };
}

function git(args: readonly string[], cwd: string, env: Record<string, string>): string {
  return execFileSync("git", [...args], { cwd, env, encoding: "utf8" }).trim();
}

async function put(dir: string, files: Readonly<Record<string, string>>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

/** The commits of the fixture repository, by what they are. */
export interface TemplateRepo {
  /** The bare repository, to serve. */
  readonly bare: string;
  /** v1.0.0 (an annotated tag) */
  readonly first: string;
  /** main and v1.1.0 (a lightweight tag) */
  readonly main: string;
  /** the develop branch, one commit past main */
  readonly develop: string;
}

/**
 * A team template repository with history: a root template and one in `teams/web`, two tags and
 * a branch, cloned bare to `bareRoot/relPath` (a path such as `github/acme/starter.git`).
 */
export async function makeTemplateRepo(
  bareRoot: string,
  relPath: string,
  env: Record<string, string>,
): Promise<TemplateRepo> {
  const work = await mkdtemp(join(tmpdir(), "litclaude-template-work-"));
  git(["init", "--quiet", "--initial-branch", "main"], work, env);
  await put(work, {
    "litclaude.template.json": '{ "name": "starter", "version": 1 }\n',
    "README.md": "first\n",
    "teams/web/litclaude.template.json": '{ "name": "web" }\n',
    "teams/web/src/app.ts": "export const app = 1;\n",
  });
  git(["add", "-A"], work, env);
  git(["commit", "--quiet", "-m", "first"], work, env);
  git(["tag", "-a", "v1.0.0", "-m", "first release"], work, env);
  const first = git(["rev-parse", "HEAD"], work, env);
  await put(work, { "README.md": "second\n", "teams/web/src/app.ts": "export const app = 2;\n" });
  git(["commit", "--quiet", "-am", "second"], work, env);
  git(["tag", "v1.1.0"], work, env);
  const main = git(["rev-parse", "HEAD"], work, env);
  git(["checkout", "--quiet", "-b", "develop"], work, env);
  await put(work, { "README.md": "third\n" });
  git(["commit", "--quiet", "-am", "third"], work, env);
  const develop = git(["rev-parse", "HEAD"], work, env);
  git(["checkout", "--quiet", "main"], work, env);
  const bare = join(bareRoot, relPath);
  await mkdir(dirname(bare), { recursive: true });
  git(["clone", "--quiet", "--bare", work, bare], work, env);
  return { bare, first, main, develop };
}

/** Adds a commit to the fixture's main branch (through a scratch clone), returning it. */
export async function pushCommit(
  bare: string,
  env: Record<string, string>,
  readme: string,
): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), "litclaude-template-push-"));
  git(["clone", "--quiet", bare, work], work, env);
  await writeFile(join(work, "README.md"), readme);
  git(["commit", "--quiet", "-am", "update"], work, env);
  git(["push", "--quiet", "origin", "main"], work, env);
  return git(["rev-parse", "HEAD"], work, env);
}
