import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startForgeServer, type ForgeServer } from "./forge-server.js";
import { startGitDaemon, type GitDaemon } from "./git-daemon.js";
import { isolatedGitEnv, makeTemplateRepo, type TemplateRepo } from "./repos.js";

export const TOKEN = "tok_s3cret_9f8e7d6c5b4a";

/** Loopback servers over one set of bare repositories, all holding the same history. */
export interface Forge {
  readonly home: string;
  readonly root: string;
  readonly env: Record<string, string>;
  readonly repo: TemplateRepo;
  readonly daemon: GitDaemon;
  readonly http: ForgeServer;
  readonly stop: () => Promise<void>;
}

const COPIES = [
  "github/acme/private-starter.git",
  "gitlab/acme/starter.git",
  "bitbucket/acme/starter.git",
  "private/team.git",
  "plain/starter.git",
];

export async function startForge(): Promise<Forge> {
  const home = await mkdtemp(join(tmpdir(), "litclaude-fetch-home-"));
  const root = join(home, "served");
  await mkdir(root, { recursive: true });
  const env = isolatedGitEnv(home);
  const repo = await makeTemplateRepo(root, "github/acme/starter.git", env);
  for (const copy of COPIES) await cp(repo.bare, join(root, copy), { recursive: true });
  const daemon = await startGitDaemon(root, env);
  const http = await startForgeServer({
    root,
    env,
    token: TOKEN,
    privatePrefixes: ["/github/acme/private-starter", "/private/"],
  });
  return {
    home,
    root,
    env,
    repo,
    daemon,
    http,
    stop: async () => {
      await daemon.stop();
      await http.stop();
    },
  };
}

/** A `git` on PATH that logs its arguments (what `ps` would show) and its pid, then runs the real one. */
export async function gitShim(
  forge: Forge,
  realGit: string,
): Promise<{ readonly path: string; readonly log: string }> {
  const bin = join(forge.home, "shim-bin");
  const log = join(forge.home, "git-argv.log");
  await mkdir(bin, { recursive: true });
  await writeFile(
    join(bin, "git"),
    `#!/bin/sh\necho "$$ $*" >> '${log}'\nexec '${realGit}' "$@"\n`,
    { mode: 0o755 },
  );
  return { path: `${bin}:${forge.env["PATH"] ?? ""}`, log };
}

/**
 * An `ssh` that runs the remote command (`git-upload-pack 'path'`) on this machine, the path
 * taken under the served folder: the ssh URL forms, tested with no ssh server. git talks the old
 * protocol through it (GIT_SSH_VARIANT=simple passes no GIT_PROTOCOL), as some servers still do.
 */
export async function fakeSsh(forge: Forge): Promise<Record<string, string>> {
  const script = join(forge.home, "fake-ssh");
  await writeFile(
    script,
    [
      "#!/bin/sh",
      'for last in "$@"; do :; done',
      `cd '${forge.root}' || exit 1`,
      `exec sh -c "$(printf '%s' "$last" | sed "s#'/#'${forge.root}/#")"`,
      "",
    ].join("\n"),
    { mode: 0o755 },
  );
  return { GIT_SSH_COMMAND: script, GIT_SSH_VARIANT: "simple" };
}
