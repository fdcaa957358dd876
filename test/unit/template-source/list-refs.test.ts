import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fetchTemplate, listTemplateRefs } from "../../../src/template-source/index.js";
import { fetchOptions, rejection, startForge, type Forge } from "./fixture.js";

let forge: Forge;
beforeAll(async () => {
  forge = await startForge();
});
afterAll(async () => {
  await forge.stop();
});

describe("listTemplateRefs", () => {
  test("every branch and tag with its commit, tags peeled, and the default branch", async () => {
    const refs = await listTemplateRefs(
      `${forge.daemon.url}/plain/starter.git`,
      await fetchOptions(forge),
    );
    expect(refs).toMatchObject({
      kind: "git",
      head: forge.repo.main,
      defaultBranch: "main",
      fromCache: false,
    });
    expect([...refs.refs].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: "develop", kind: "branch", commit: forge.repo.develop },
      { name: "main", kind: "branch", commit: forge.repo.main },
      { name: "v1.0.0", kind: "tag", commit: forge.repo.first },
      { name: "v1.1.0", kind: "tag", commit: forge.repo.main },
    ]);
  });

  test("gh: through the forge; the subfolder stays in the source, the ref is ignored", async () => {
    const refs = await listTemplateRefs(
      "gh:acme/starter/teams/web#v1.0.0",
      await fetchOptions(forge),
    );
    expect(refs.source).toBe("gh:acme/starter/teams/web");
    expect(
      refs.refs
        .filter((ref) => ref.kind === "tag")
        .map((ref) => ref.name)
        .sort(),
    ).toEqual(["v1.0.0", "v1.1.0"]);
  });

  test("--offline: the listing last seen online, marked as such; none seen is an error", async () => {
    const options = await fetchOptions(forge);
    const offline = { ...options, offline: true };
    expect((await rejection(listTemplateRefs("gh:acme/starter", offline))).hint).toContain(
      "without --offline",
    );
    await fetchTemplate("gh:acme/starter#v1.0.0", options);
    const cached = await listTemplateRefs("gh:acme/starter", offline);
    expect(cached.fromCache).toBe(true);
    expect(cached.head).toBe(forge.repo.main);
    expect(cached.refs).toHaveLength(4);
  });
});

describe("local folders", () => {
  const git = (args: readonly string[], cwd: string): string =>
    execFileSync("git", [...args], { cwd, env: forge.env, encoding: "utf8" }).trim();

  test("a folder in a git checkout: its HEAD is the commit, its refs are listed", async () => {
    const checkout = await mkdtemp(join(tmpdir(), "litclaude-local-template-"));
    git(["clone", "--quiet", forge.repo.bare, checkout], checkout);
    const options = await fetchOptions(forge);
    const got = await fetchTemplate(join(checkout, "teams", "web"), options);
    expect(got).toMatchObject({
      kind: "local",
      commit: forge.repo.main,
      fromCache: false,
      ref: undefined,
    });
    expect(got.dir).toBe(join(checkout, "teams", "web"));
    const refs = await listTemplateRefs(checkout, options);
    expect(refs.head).toBe(forge.repo.main);
    expect(refs.defaultBranch).toBe("main");
    expect(refs.refs.find((ref) => ref.name === "v1.0.0")?.commit).toBe(forge.repo.first);
  });

  test("a plain folder: no commit; a missing one: usage error", async () => {
    const plain = await mkdtemp(join(tmpdir(), "litclaude-plain-template-"));
    await mkdir(join(plain, "t"));
    await writeFile(join(plain, "t", "litclaude.template.json"), "{}");
    const options = await fetchOptions(forge, { env: { GIT_CEILING_DIRECTORIES: plain } });
    expect((await fetchTemplate("t", { ...options, cwd: plain })).commit).toBeUndefined();
    const missing = await rejection(fetchTemplate("nope", { ...options, cwd: plain }));
    expect(missing.exitCode).toBe(2);
    expect(missing.message).toContain("no such folder");
  });
});
