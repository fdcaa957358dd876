import { execFileSync } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fetchTemplate, listTemplateRefs } from "../../../src/template-source/index.js";
import { TOKEN, fetchOptions, gitShim, rejection, startForge, type Forge } from "./fixture.js";

let forge: Forge;
let privateUrl: string;
beforeAll(async () => {
  forge = await startForge();
  privateUrl = `${forge.http.url}/private/team.git`;
});
afterAll(async () => {
  await forge.stop();
});

const BASIC = Buffer.from(`x-access-token:${TOKEN}`).toString("base64");

/** Every file under a folder, as text, for a search for secrets. */
async function allText(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  const texts = await Promise.all(files.map((file) => readFile(file, "latin1")));
  return texts.join("\n");
}

describe("a private repository over http (git http-backend behind a loopback server)", () => {
  test("GIT_TOKEN opens it; the token is on no command line, in no file, in no result", async () => {
    const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    const shim = await gitShim(forge, realGit);
    const options = await fetchOptions(forge, { env: { GIT_TOKEN: TOKEN, PATH: shim.path } });
    const got = await fetchTemplate(`${privateUrl}//teams/web#v1.0.0`, options);
    expect(got).toMatchObject({ commit: forge.repo.first, source: `${privateUrl}//teams/web` });
    const refs = await listTemplateRefs(privateUrl, options);
    expect(refs.refs.map((ref) => ref.name)).toContain("v1.1.0");
    const argv = await readFile(shim.log, "utf8");
    expect(argv).toContain("fetch");
    for (const secret of [TOKEN, BASIC]) {
      expect(argv).not.toContain(secret);
      expect(JSON.stringify([got, refs])).not.toContain(secret);
      expect(await allText(options.cache)).not.toContain(secret);
    }
    const sent = forge.http.requests.filter((request) => request.path.startsWith("/private/"));
    expect(sent.some((request) => request.headers.authorization === `Basic ${BASIC}`)).toBe(true);
  });

  test("without credentials: 'no access', with the fix", async () => {
    const error = await rejection(fetchTemplate(privateUrl, await fetchOptions(forge)));
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain("no access without credentials");
    expect(error.hint).toMatch(/GIT_TOKEN.*credential helper/);
  });

  test("a wrong token is reported as refused, by variable name, never by value", async () => {
    const wrong = "tok_wrong_1234567890";
    const options = await fetchOptions(forge, { env: { GIT_TOKEN: wrong } });
    const error = await rejection(fetchTemplate(privateUrl, options));
    expect(error.message).toContain("the token from GIT_TOKEN was refused");
    expect(`${error.message} ${error.hint ?? ""}`).not.toContain(wrong);
  });

  test("an auth failure never falls back to the cached copy", async () => {
    const withToken = await fetchOptions(forge, { env: { GIT_TOKEN: TOKEN } });
    await fetchTemplate(`${privateUrl}#v1.1.0`, withToken);
    const withoutToken = { ...withToken, env: { ...withToken.env, GIT_TOKEN: "" } };
    const error = await rejection(fetchTemplate(`${privateUrl}#v1.1.0`, withoutToken));
    expect(error.message).toContain("no access");
    expect((await rejection(listTemplateRefs(privateUrl, withoutToken))).message).toContain(
      "no access",
    );
  });

  test("GITHUB_TOKEN is not sent to a host that is not GitHub", async () => {
    const before = forge.http.requests.length;
    const options = await fetchOptions(forge, { env: { GITHUB_TOKEN: TOKEN } });
    expect((await rejection(fetchTemplate(privateUrl, options))).message).toContain("no access");
    const sent = forge.http.requests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((request) => request.headers.authorization === undefined)).toBe(true);
  });

  test("a repository the server does not have reads 'not found', not 'no access'", async () => {
    const options = await fetchOptions(forge);
    const error = await rejection(fetchTemplate(`${forge.http.url}/plain/missing.git`, options));
    expect(error.message).toContain("repository not found");
  });
});
