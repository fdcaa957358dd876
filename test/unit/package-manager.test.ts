import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectPackageManager, repositoryPackageManager } from "../../src/core/package-manager.js";

describe("detectPackageManager", () => {
  it.each([
    ["pnpm/9.12.0 npm/? node/v20.19.0 linux x64", "pnpm"],
    ["yarn/4.5.0 npm/? node/v22.1.0 darwin arm64", "yarn"],
    ["bun/1.1.30 npm/? node/v22.6.0 linux x64", "bun"],
    ["npm/11.0.0 node/v24.0.0 linux x64 workspaces/false", "npm"],
    ["cnpm/9 node/v20", "npm"],
    [undefined, "npm"],
  ])("%s -> %s", (agent, expected) => {
    expect(detectPackageManager(agent)).toBe(expected);
  });
});

describe("repositoryPackageManager", () => {
  it.each([
    ["pnpm-lock.yaml", "pnpm"],
    ["yarn.lock", "yarn"],
    ["bun.lock", "bun"],
    ["bun.lockb", "bun"],
    ["package-lock.json", "npm"],
  ] as const)("reads %s as %s", async (lockfile, manager) => {
    const dir = await mkdtemp(join(tmpdir(), "litclaude-pm-"));
    await writeFile(join(dir, lockfile), "");
    expect(await repositoryPackageManager(dir, "npm")).toBe(manager);
  });

  it("falls back where the repository has no lockfile", async () => {
    const dir = await mkdtemp(join(tmpdir(), "litclaude-pm-"));
    expect(await repositoryPackageManager(dir, "yarn")).toBe("yarn");
  });
});
