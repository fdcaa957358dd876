import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fetchTemplate } from "../../../src/template-source/index.js";
import { pathExists } from "../../e2e/support.js";
import { startForgeServer } from "../../e2e/template-fetch/forge-server.js";
import { TOKEN, fetchOptions, rejection, startForge, type Forge } from "./fixture.js";

let forge: Forge;
beforeAll(async () => {
  forge = await startForge();
});
afterAll(async () => {
  await forge.stop();
});

/** The archive downloads (degit's route) the server saw since `since`. */
function archives(since: number): readonly string[] {
  return forge.http.requests
    .slice(since)
    .map((request) => request.path)
    .filter((path) => path.includes(".tar.gz"));
}

const readme = (dir: string): Promise<string> => readFile(join(dir, "README.md"), "utf8");

describe("gh: through degit, pointed at a loopback forge", () => {
  test("the default branch: its commit resolved and returned, the archive downloaded for exactly it", async () => {
    const since = forge.http.requests.length;
    const options = await fetchOptions(forge);
    const got = await fetchTemplate("gh:acme/starter", options);
    expect(got).toMatchObject({
      kind: "gh",
      source: "gh:acme/starter",
      commit: forge.repo.main,
      fromCache: false,
    });
    expect(await readme(got.dir)).toBe("second\n");
    expect(archives(since)).toEqual([`/github/acme/starter/archive/${forge.repo.main}.tar.gz`]);
    const again = await fetchTemplate("gh:acme/starter", options);
    expect(again.fromCache).toBe(true);
    expect(archives(since)).toHaveLength(1);
  });

  test("a subfolder at a tag", async () => {
    const got = await fetchTemplate("gh:acme/starter/teams/web#v1.0.0", await fetchOptions(forge));
    expect(got).toMatchObject({ commit: forge.repo.first, subdir: "teams/web" });
    expect((await readdir(got.dir)).sort()).toEqual(["litclaude.template.json", "src"]);
  });

  test.each([
    ["gitlab:acme/starter#develop", "/gitlab/acme/starter/-/archive/"],
    ["bitbucket:acme/starter#develop", "/bitbucket/acme/starter/get/"],
  ])("%s", async (spec, route) => {
    const since = forge.http.requests.length;
    const got = await fetchTemplate(spec, await fetchOptions(forge));
    expect(got.commit).toBe(forge.repo.develop);
    expect(await readme(got.dir)).toBe("third\n");
    expect(archives(since).some((path) => path.startsWith(route))).toBe(true);
  });

  test("degit's own archive cache (fixed when it loads, under this process's home) is not used", async () => {
    const degitCache = join(process.env["XDG_CACHE_HOME"] ?? join(homedir(), ".cache"), "degit");
    const archive = join(degitCache, "github", "acme", "starter", `${forge.repo.main}.tar.gz`);
    await fetchTemplate("gh:acme/starter#v1.1.0", await fetchOptions(forge));
    expect(await pathExists(archive)).toBe(false);
  });

  test("an unknown ref lists the nearest; a missing subfolder is named", async () => {
    const options = await fetchOptions(forge);
    expect((await rejection(fetchTemplate("gh:acme/starter#devlop", options))).message).toMatch(
      /nearest: develop/,
    );
    const missing = await rejection(fetchTemplate("gh:acme/starter/teams/api", options));
    expect(missing.message).toContain("no folder teams/api");
  });

  test("gitlab: a subgroup path that reads as a folder gets a hint to write the git URL", async () => {
    const error = await rejection(
      fetchTemplate("gitlab:acme/sub/starter", await fetchOptions(forge)),
    );
    expect(error.message).toContain("repository not found");
    expect(error.hint).toContain("https://gitlab.com/acme/sub/starter.git");
  });

  test("a private repository: GITHUB_TOKEN goes to the archive as a bearer token", async () => {
    const since = forge.http.requests.length;
    const options = await fetchOptions(forge, { env: { GITHUB_TOKEN: TOKEN } });
    const got = await fetchTemplate("gh:acme/private-starter#v1.0.0", options);
    expect(got.commit).toBe(forge.repo.first);
    const archive = forge.http.requests
      .slice(since)
      .find((request) => request.path.includes(".tar.gz"));
    expect(archive?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.stringify(got)).not.toContain(TOKEN);
  });

  test("a redirect to another host (a CDN) is followed without the token", async () => {
    const cdn = await startForgeServer({
      root: forge.root,
      env: forge.env,
      token: TOKEN,
      privatePrefixes: [],
    });
    forge.http.redirectArchivesTo = cdn.url;
    try {
      const options = await fetchOptions(forge, { env: { GITHUB_TOKEN: TOKEN } });
      const got = await fetchTemplate("gh:acme/private-starter#develop", options);
      expect(got.commit).toBe(forge.repo.develop);
      expect(cdn.requests.map((request) => request.path)).toEqual([
        `/github/acme/private-starter/archive/${forge.repo.develop}.tar.gz`,
      ]);
      expect(cdn.requests[0]?.headers.authorization).toBeUndefined();
    } finally {
      forge.http.redirectArchivesTo = undefined;
      await cdn.stop();
    }
  });

  test("without it: no access, and the cached copy is not used instead", async () => {
    const options = await fetchOptions(forge, { env: { GITHUB_TOKEN: TOKEN } });
    await fetchTemplate("gh:acme/private-starter", options);
    const error = await rejection(
      fetchTemplate("gh:acme/private-starter", {
        ...options,
        env: { ...options.env, GITHUB_TOKEN: "" },
      }),
    );
    expect(error.message).toContain("no access without credentials");
    expect(error.hint).toContain("GITHUB_TOKEN");
  });

  test("an archive the forge will not serve (private archive route): the same commit with git", async () => {
    forge.http.archivesMissing = true;
    try {
      const since = forge.http.requests.length;
      const got = await fetchTemplate(
        "gh:acme/starter/teams/web#develop",
        await fetchOptions(forge),
      );
      expect(got.commit).toBe(forge.repo.develop);
      expect(await readFile(join(got.dir, "src", "app.ts"), "utf8")).toBe(
        "export const app = 2;\n",
      );
      expect(archives(since)).toHaveLength(1);
    } finally {
      forge.http.archivesMissing = false;
    }
  });

  test("a rate limit is an error with the fix, not a fall-back", async () => {
    forge.http.rateLimited = true;
    try {
      const error = await rejection(
        fetchTemplate("gh:acme/starter#v1.0.0", await fetchOptions(forge)),
      );
      expect(error.exitCode).toBe(1);
      expect(error.message).toMatch(/rate limit reached until 2030-01-01/);
      expect(error.hint).toContain("GITHUB_TOKEN");
    } finally {
      forge.http.rateLimited = false;
    }
  });

  test("a template's degit.json actions never run", async () => {
    const work = await mkdtemp(join(tmpdir(), "litclaude-actions-"));
    const git = (args: readonly string[]): void => {
      execFileSync("git", [...args], { cwd: work, env: forge.env });
    };
    git(["init", "--quiet", "--initial-branch", "main"]);
    await writeFile(join(work, "README.md"), "kept\n");
    await writeFile(
      join(work, "degit.json"),
      JSON.stringify([{ action: "remove", files: ["README.md"] }]),
    );
    git(["add", "-A"]);
    git(["commit", "--quiet", "-m", "actions"]);
    git(["clone", "--quiet", "--bare", work, join(forge.root, "github", "acme", "actions.git")]);
    const got = await fetchTemplate("gh:acme/actions", await fetchOptions(forge));
    expect(await readme(got.dir)).toBe("kept\n");
  });

  test("the test variable is refused unless it names this machine", async () => {
    const options = await fetchOptions(forge, {
      env: { LITCLAUDE_TEST_FORGE_URL: "https://forge.example.com" },
    });
    const error = await rejection(fetchTemplate("gh:acme/starter", options));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain("only a loopback");
  });
});
