import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { TOKEN, startForge, type Forge } from "./template-fetch/forge.js";
import { REPO_ROOT, run, tempDir } from "./support.js";

// The built library, in a child process of its own: the bundled (and lazily loaded) degit, the
// system git, the environment as a user would have it.
const SCRIPT = `
const { fetchTemplate, listTemplateRefs } = await import(process.argv[1]);
const [, , what, spec, offline] = process.argv;
const options = { cwd: process.cwd(), env: process.env, offline: offline === "offline", signal: new AbortController().signal };
try {
  const result = what === "refs" ? await listTemplateRefs(spec, options) : await fetchTemplate(spec, options);
  console.log(JSON.stringify({ ok: true, result }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, exitCode: error.exitCode, message: error.message, hint: error.hint }));
}
`;

let forge: Forge;
beforeAll(async () => {
  forge = await startForge();
});
afterAll(async () => {
  await forge.stop();
});

interface Outcome {
  readonly ok: boolean;
  readonly output: string;
  readonly value: Record<string, unknown>;
}

async function library(args: readonly string[], env: Record<string, string>): Promise<Outcome> {
  const entry = join(REPO_ROOT, "dist", "index.js");
  const result = await run(
    process.execPath,
    ["--input-type=module", "-e", SCRIPT, entry, ...args],
    forge.home,
    {
      ...forge.env,
      LITCLAUDE_TEST_FORGE_URL: forge.http.url,
      ...env,
    },
  );
  const parsed: unknown = JSON.parse(result.stdout);
  if (typeof parsed !== "object" || parsed === null) throw new Error(result.output);
  const value = Object.fromEntries(Object.entries(parsed));
  return { ok: value["ok"] === true, output: result.output, value };
}

function resultOf(outcome: Outcome): Record<string, unknown> {
  const result: unknown = outcome.value["result"];
  if (!outcome.ok || typeof result !== "object" || result === null) throw new Error(outcome.output);
  return Object.fromEntries(Object.entries(result));
}

describe("the built library fetches templates", () => {
  test("gh: with a subfolder and a tag through the bundled degit, then --offline from the cache", async () => {
    const cache = await tempDir("litclaude-e2e-cache-");
    const env = { LITCLAUDE_CACHE_DIR: cache };
    const online = resultOf(await library(["fetch", "gh:acme/starter/teams/web#v1.0.0"], env));
    expect(online).toMatchObject({
      kind: "gh",
      commit: forge.repo.first,
      fromCache: false,
      subdir: "teams/web",
    });
    expect(await readFile(join(String(online["dir"]), "src", "app.ts"), "utf8")).toBe(
      "export const app = 1;\n",
    );
    expect(String(online["dir"]).startsWith(join(cache, "templates"))).toBe(true);
    const offline = resultOf(
      await library(["fetch", "gh:acme/starter/teams/web#v1.0.0", "offline"], env),
    );
    expect(offline).toMatchObject({
      commit: forge.repo.first,
      fromCache: true,
      dir: online["dir"],
    });
    const miss = await library(["fetch", "gh:acme/starter#develop", "offline"], env);
    expect(miss.value).toMatchObject({ ok: false, exitCode: 1 });
    expect(String(miss.value["hint"])).toContain("without --offline");
  });

  test("a private gh: repository with GITHUB_TOKEN: fetched, the token nowhere in the output", async () => {
    const env = { LITCLAUDE_CACHE_DIR: await tempDir("litclaude-e2e-cache-"), GITHUB_TOKEN: TOKEN };
    const outcome = await library(["fetch", "gh:acme/private-starter"], env);
    expect(resultOf(outcome)["commit"]).toBe(forge.repo.main);
    expect(outcome.output).not.toContain(TOKEN);
    const refused = await library(["fetch", "gh:acme/private-starter"], {
      ...env,
      GITHUB_TOKEN: "not-it",
    });
    expect(refused.value).toMatchObject({ ok: false, exitCode: 1 });
    expect(String(refused.value["message"])).toContain("the token from GITHUB_TOKEN was refused");
    expect(refused.output).not.toContain("not-it");
  });

  test("a git:// URL with the system git, and its refs", async () => {
    const env = { LITCLAUDE_CACHE_DIR: await tempDir("litclaude-e2e-cache-") };
    const url = `${forge.daemon.url}/plain/starter.git`;
    expect(resultOf(await library(["fetch", `${url}#develop`], env))["commit"]).toBe(
      forge.repo.develop,
    );
    const refs = resultOf(await library(["refs", url], env));
    expect(refs["head"]).toBe(forge.repo.main);
    const bad = await library(["fetch", "gh:acme/starter#-x"], env);
    expect(bad.value).toMatchObject({ ok: false, exitCode: 2 });
  });

  test("two processes fetching one key at once share one whole entry", async () => {
    const cache = await tempDir("litclaude-e2e-cache-");
    const env = { LITCLAUDE_CACHE_DIR: cache };
    for (const spec of [
      "gh:acme/starter#develop",
      `${forge.daemon.url}/plain/starter.git#develop`,
    ]) {
      const outcomes = await Promise.all([0, 1, 2].map(() => library(["fetch", spec], env)));
      const dirs = new Set(outcomes.map((outcome) => resultOf(outcome)["dir"]));
      expect(dirs.size).toBe(1);
      expect(await readFile(join(String([...dirs][0]), "README.md"), "utf8")).toBe("third\n");
    }
    expect(await readdir(join(cache, "templates", "staging"))).toEqual([]);
  });

  test("degit is in a chunk of its own, loaded only when a forge source is fetched", async () => {
    const entry = join(REPO_ROOT, "dist", "index.js");
    const seen = new Set<string>();
    const visit = async (file: string): Promise<void> => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = await readFile(file, "utf8");
      for (const match of text.matchAll(
        /(?:^|[;}\s])(?:import|export)\s*(?:[^"'();]*?from\s*)?["'](\.[^"']+)["']/g,
      )) {
        const [, relative = ""] = match;
        await visit(join(file, "..", relative));
      }
    };
    await visit(entry);
    const statics = await Promise.all([...seen].map((file) => readFile(file, "utf8")));
    expect(statics.some((text) => text.includes("degit supports GitHub"))).toBe(false);
    expect(seen.size).toBeGreaterThan(1);
    const lib = join(REPO_ROOT, "dist", "lib");
    const chunks = (await readdir(lib)).filter((name) => name.endsWith(".js"));
    const texts = await Promise.all(chunks.map((name) => readFile(join(lib, name), "utf8")));
    expect(texts.filter((text) => text.includes("degit supports GitHub"))).toHaveLength(1);
    // degit's own git client is replaced by a stand-in at build time: we always give it ours.
    expect(texts.some((text) => text.includes("Domain-reentrant locks"))).toBe(false);
    expect(texts.some((text) => text.includes("degit's own git client is not bundled"))).toBe(true);
  });
});
