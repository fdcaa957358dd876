import { execFileSync } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";
import { createServer, type Socket } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fetchTemplate } from "../../../src/template-source/index.js";
import { fetchOptions, gitShim, rejection, startForge, type Forge } from "./fixture.js";

let forge: Forge;
let realGit: string;
beforeAll(async () => {
  forge = await startForge();
  realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
});
afterAll(async () => {
  await forge.stop();
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: unknown) {
    if (!(error instanceof Error)) throw error;
    return false;
  }
}

async function gone(pid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 40 && alive(pid); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !alive(pid);
}

/** The pids of the git runs the shim logged, in order. */
async function gitPids(log: string): Promise<readonly number[]> {
  const text = await readFile(log, "utf8").catch(() => "");
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => Number(line.split(" ")[0]));
}

async function whenLogged(log: string, count: number): Promise<void> {
  for (let attempt = 0; attempt < 200 && (await gitPids(log)).length < count; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("an abort stops git and leaves nothing behind", () => {
  test("a ref listing stuck on a server that never answers: cancelled, the git child gone", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    const shim = await gitShim(forge, realGit);
    const controller = new AbortController();
    const options = await fetchOptions(forge, {
      env: { PATH: shim.path },
      signal: controller.signal,
    });
    const pending = rejection(fetchTemplate(`git://127.0.0.1:${String(port)}/stuck.git`, options));
    await whenLogged(shim.log, 1);
    const started = Date.now();
    controller.abort("SIGINT");
    const error = await pending;
    expect(error.exitCode).toBe(130);
    expect(Date.now() - started).toBeLessThan(2500);
    const [pid = 0] = await gitPids(shim.log);
    expect(await gone(pid)).toBe(true);
    for (const socket of sockets) socket.destroy();
    silent.close();
  });

  test("a fetch stuck after the refs were listed: cancelled, no staging or entry left", async () => {
    forge.http.hangFetch = true;
    try {
      const shim = await gitShim(forge, realGit);
      const controller = new AbortController();
      const options = await fetchOptions(forge, {
        env: { PATH: shim.path },
        signal: controller.signal,
      });
      const before = (await gitPids(shim.log)).length;
      const pending = rejection(
        fetchTemplate(`${forge.http.url}/plain/starter.git#develop`, options),
      );
      // ls-remote, init, fetch: the third is the one the server leaves hanging.
      await whenLogged(shim.log, before + 3);
      await new Promise((resolve) => setTimeout(resolve, 200));
      controller.abort("SIGTERM");
      expect((await pending).exitCode).toBe(130);
      for (const pid of await gitPids(shim.log)) expect(await gone(pid)).toBe(true);
      const templates = join(options.cache, "templates");
      expect(await readdir(join(templates, "staging")).catch(() => [])).toEqual([]);
      expect(await readdir(join(templates, "entries")).catch(() => [])).toEqual([]);
    } finally {
      forge.http.hangFetch = false;
    }
  });

  test("an abort before the start runs nothing", async () => {
    const controller = new AbortController();
    controller.abort("SIGINT");
    const options = await fetchOptions(forge, { signal: controller.signal });
    expect(
      (await rejection(fetchTemplate(`${forge.daemon.url}/plain/starter.git`, options))).exitCode,
    ).toBe(130);
  });
});
