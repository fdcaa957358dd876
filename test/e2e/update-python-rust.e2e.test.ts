import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { read, status } from "./add-support.js";
import { buildNextRelease, commitAll, projectAtN, runOther } from "./update-support.js";

let next: { readonly bin: string; readonly version: string };
beforeAll(async () => {
  next = await buildNextRelease();
}, 120_000);

async function change(dir: string, path: string, from: string, to: string): Promise<void> {
  const text = await read(dir, path);
  expect(text).toContain(from);
  await writeFile(join(dir, path), text.replace(from, to));
}

describe("update of Python and Rust projects to N+1: manifests merge by key", () => {
  it("pyproject.toml: the user's dependency and ruff key beside the template's new ruff key", async () => {
    const dir = await projectAtN("python", "lib");
    await change(
      dir,
      "pyproject.toml",
      'dependencies = ["anyio>=4.16"]',
      'dependencies = ["anyio>=4.16", "httpx>=0.28"]',
    );
    await change(
      dir,
      "pyproject.toml",
      'extend-exclude = [".litclaude"]\n',
      'extend-exclude = [".litclaude"]\nsrc = ["src"]\n',
    );
    await commitAll(dir, "my edits");
    const updated = await runOther(next.bin, ["update"], dir);
    expect(updated.exitCode, updated.output).toBe(0);
    const text = await read(dir, "pyproject.toml");
    expect(text).toContain('dependencies = ["anyio>=4.16", "httpx>=0.28"]');
    expect(text).toContain('extend-exclude = [".litclaude"]\nsrc = ["src"]\nline-length = 99\n');
    await commitAll(dir, "update");
    expect((await runOther(next.bin, ["update"], dir)).exitCode).toBe(0);
    expect(await status(dir)).toBe("");
  }, 120_000);

  it("Cargo.toml: the template's changed lint level lands beside the lint the user added on the next line", async () => {
    const dir = await projectAtN("rust", "lib");
    const pedantic = 'pedantic = { level = "warn", priority = -1 }\n';
    await change(
      dir,
      "Cargo.toml",
      pedantic,
      `${pedantic}module_name_repetitions = "allow" # ours\n`,
    );
    await commitAll(dir, "my edits");
    const updated = await runOther(next.bin, ["update"], dir);
    expect(updated.exitCode, updated.output).toBe(0);
    expect(await read(dir, "Cargo.toml")).toContain(
      'pedantic = { level = "deny", priority = -1 }\nmodule_name_repetitions = "allow" # ours\n',
    );
    await commitAll(dir, "update");
    expect((await runOther(next.bin, ["update"], dir)).exitCode).toBe(0);
    expect(await status(dir)).toBe("");
  }, 120_000);
});
