import { mkdir, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fetchTemplate } from "../../../src/template-source/index.js";
import { pushCommit } from "../../e2e/template-fetch/repos.js";
import { fakeSsh, fetchOptions, rejection, startForge, type Forge } from "./fixture.js";

let forge: Forge;
let url: string;
beforeAll(async () => {
  forge = await startForge();
  url = `${forge.daemon.url}/plain/starter.git`;
});
afterAll(async () => {
  await forge.stop();
});

const readme = (dir: string): Promise<string> => readFile(join(dir, "README.md"), "utf8");

describe("a git URL over git:// (git daemon on loopback)", () => {
  test("the default branch, at its exact commit, with no .git left", async () => {
    const got = await fetchTemplate(url, await fetchOptions(forge));
    expect(got).toMatchObject({
      kind: "git",
      source: url,
      ref: undefined,
      commit: forge.repo.main,
      fromCache: false,
    });
    expect(await readme(got.dir)).toBe("second\n");
    expect((await readdir(got.dir)).sort()).toEqual([
      "README.md",
      "litclaude.template.json",
      "teams",
    ]);
  });

  test.each([
    ["v1.0.0", "first"],
    ["v1.1.0", "main"],
    ["develop", "develop"],
  ] as const)(
    "#%s: an annotated tag peeled, a lightweight tag, a branch -> %s",
    async (ref, which) => {
      const got = await fetchTemplate(`${url}#${ref}`, await fetchOptions(forge));
      expect(got.commit).toBe(forge.repo[which]);
      expect(got.ref).toBe(ref);
    },
  );

  test("a full commit nothing points at, and a short one a ref points at", async () => {
    const full = await fetchTemplate(`${url}#${forge.repo.first}`, await fetchOptions(forge));
    expect(await readme(full.dir)).toBe("first\n");
    const short = await fetchTemplate(
      `${url}#${forge.repo.develop.slice(0, 10)}`,
      await fetchOptions(forge),
    );
    expect(short.commit).toBe(forge.repo.develop);
  });

  test("a subfolder: only its files, the subfolder recorded", async () => {
    const got = await fetchTemplate(`${url}//teams/web#v1.0.0`, await fetchOptions(forge));
    expect(got).toMatchObject({
      subdir: "teams/web",
      source: `${url}//teams/web`,
      commit: forge.repo.first,
    });
    expect((await readdir(got.dir)).sort()).toEqual(["litclaude.template.json", "src"]);
    expect(await readFile(join(got.dir, "src", "app.ts"), "utf8")).toBe("export const app = 1;\n");
  });

  test("a subfolder the commit lacks names the folders it has", async () => {
    const error = await rejection(fetchTemplate(`${url}//teams/api`, await fetchOptions(forge)));
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(/no folder teams\/api.*top-level folders: teams/);
  });

  test("an unknown ref lists the nearest refs that exist", async () => {
    const error = await rejection(fetchTemplate(`${url}#v1.0.1`, await fetchOptions(forge)));
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(
      /has no branch, tag or commit "v1\.0\.1" \(nearest: v1\.0\.0, v1\.1\.0/,
    );
  });

  test("a repository the server does not have", async () => {
    const error = await rejection(
      fetchTemplate(`${forge.daemon.url}/plain/nope.git`, await fetchOptions(forge)),
    );
    expect(error.message).toContain("repository not found");
  });
});

test("no git on PATH: said so, with the fix", async () => {
  const options = await fetchOptions(forge, { env: { PATH: join(forge.home, "no-such-bin") } });
  const error = await rejection(fetchTemplate(url, options));
  expect(error.message).toContain("git was not found on PATH");
  expect(error.hint).toContain("install git");
});

describe("the cache", () => {
  test("a second fetch is a hit at the same place; the files are not written again", async () => {
    const options = await fetchOptions(forge);
    const first = await fetchTemplate(`${url}#v1.0.0`, options);
    const before = await stat(join(first.dir, "README.md"));
    const second = await fetchTemplate(`${url}#v1.0.0`, options);
    expect(second).toEqual({ ...first, fromCache: true });
    const after = await stat(join(second.dir, "README.md"));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  test("--offline: a miss is an error naming the fix; after one online fetch, a hit", async () => {
    const online = await fetchOptions(forge);
    const offline = { ...online, offline: true };
    const miss = await rejection(fetchTemplate(`${url}#v1.0.0`, offline));
    expect(miss.exitCode).toBe(1);
    expect(miss.message).toMatch(/^--offline: no copy of .*#v1\.0\.0 in the template cache/);
    expect(miss.hint).toContain("without --offline");
    await fetchTemplate(`${url}#v1.0.0`, online);
    await fetchTemplate(url, online);
    expect(await fetchTemplate(`${url}#v1.0.0`, offline)).toMatchObject({
      commit: forge.repo.first,
      fromCache: true,
    });
    expect(await fetchTemplate(url, offline)).toMatchObject({
      commit: forge.repo.main,
      fromCache: true,
    });
    expect((await rejection(fetchTemplate(`${url}#develop`, offline))).message).toMatch(
      /no copy of .*#develop/,
    );
    expect((await rejection(fetchTemplate(`${url}#nope`, offline))).message).toMatch(
      /no ref known for .*#nope/,
    );
  });

  test("an entry whose files were changed or cut short is detected and fetched again", async () => {
    const options = await fetchOptions(forge);
    const first = await fetchTemplate(url, options);
    await writeFile(join(first.dir, "README.md"), "tampered\n");
    const offline = await rejection(fetchTemplate(url, { ...options, offline: true }));
    expect(offline.message).toContain("only a damaged copy of");
    const again = await fetchTemplate(url, options);
    expect(again.fromCache).toBe(false);
    expect(await readme(again.dir)).toBe("second\n");
    await rm(join(again.dir, "..", "entry.json"));
    const partial = await fetchTemplate(url, options);
    expect(partial.fromCache).toBe(false);
    expect(await readFile(join(partial.dir, "..", "entry.json"), "utf8")).toContain(
      forge.repo.main,
    );
  });

  test("two fetches of one key at once: both succeed on one whole entry, no staging left", async () => {
    const options = await fetchOptions(forge);
    const [a, b] = await Promise.all([
      fetchTemplate(`${url}#develop`, options),
      fetchTemplate(`${url}#develop`, options),
    ]);
    expect(a.dir).toBe(b.dir);
    expect(await readme(a.dir)).toBe("third\n");
    expect(await readdir(join(options.cache, "templates", "staging"))).toEqual([]);
    expect((await fetchTemplate(`${url}#develop`, options)).fromCache).toBe(true);
  });

  test("staging a killed run left behind is removed; a live run's is not", async () => {
    const options = await fetchOptions(forge);
    const staging = join(options.cache, "templates", "staging");
    const dead = join(staging, "run-2147483646-1");
    const live = join(staging, `run-${String(process.ppid)}-1`);
    await mkdir(join(dead, "work"), { recursive: true });
    await mkdir(live, { recursive: true });
    await fetchTemplate(`${url}#v1.1.0`, options);
    expect(await readdir(staging)).toEqual([`run-${String(process.ppid)}-1`]);
  });

  test("a branch that moved is fetched anew: online, the server is always asked", async () => {
    const bare = join(forge.root, "plain", "moving.git");
    await rm(bare, { recursive: true, force: true });
    const { cp } = await import("node:fs/promises");
    await cp(forge.repo.bare, bare, { recursive: true });
    const moving = `${forge.daemon.url}/plain/moving.git`;
    const options = await fetchOptions(forge);
    expect((await fetchTemplate(moving, options)).commit).toBe(forge.repo.main);
    const next = await pushCommit(bare, forge.env, "fourth\n");
    const got = await fetchTemplate(moving, options);
    expect(got).toMatchObject({ commit: next, fromCache: false });
    expect(await readme(got.dir)).toBe("fourth\n");
  });

  test("a server that cannot be reached is an error even with a cached copy", async () => {
    const options = await fetchOptions(forge);
    const { startGitDaemon } = await import("../../e2e/template-fetch/git-daemon.js");
    const daemon = await startGitDaemon(forge.root, forge.env);
    const spec = `${daemon.url}/plain/starter.git#v1.1.0`;
    await fetchTemplate(spec, options);
    await daemon.stop();
    const error = await rejection(fetchTemplate(spec, options));
    expect(error.message).toContain("could not reach the server");
    expect(error.hint).toContain("--offline");
    expect((await fetchTemplate(spec, { ...options, offline: true })).fromCache).toBe(true);
  });
});

describe("ssh URLs, through an ssh stand-in, on the old protocol", () => {
  test.each(["git@forge.test:plain/starter.git", "ssh://git@forge.test/plain/starter.git"])(
    "%s: the default branch, a tag, a branch with a subfolder",
    async (base) => {
      const options = await fetchOptions(forge, { env: await fakeSsh(forge) });
      expect((await fetchTemplate(base, options)).commit).toBe(forge.repo.main);
      expect((await fetchTemplate(`${base}#v1.0.0`, options)).commit).toBe(forge.repo.first);
      const web = await fetchTemplate(`${base}//teams/web#develop`, options);
      expect(web).toMatchObject({ commit: forge.repo.develop, subdir: "teams/web" });
      expect(await readFile(join(web.dir, "src", "app.ts"), "utf8")).toBe(
        "export const app = 2;\n",
      );
    },
  );

  test("a commit no ref points at cannot be asked for by hash there: said so, with the fix", async () => {
    const options = await fetchOptions(forge, { env: await fakeSsh(forge) });
    const error = await rejection(
      fetchTemplate(`git@forge.test:plain/starter.git#${forge.repo.first}`, options),
    );
    expect(error.message).toContain("will not serve a commit by hash alone");
    expect(error.hint).toContain("name a branch or tag");
  });
});

describe("file:// URLs", () => {
  test("fetch like any other git URL", async () => {
    const got = await fetchTemplate(
      `file://${forge.repo.bare}//teams/web#develop`,
      await fetchOptions(forge),
    );
    expect(got).toMatchObject({ kind: "git", commit: forge.repo.develop, subdir: "teams/web" });
    expect(await readFile(join(got.dir, "src", "app.ts"), "utf8")).toBe("export const app = 2;\n");
  });
});
