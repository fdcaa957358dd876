import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, run, tempDir } from "./support.js";

const ALLOWED_TOP = new Set([
  "generators",
  ".claude-plugin",
  "LICENSE",
  "README.md",
  "content",
  "dist",
  "package.json",
  "schema",
  "templates",
]);

interface PackedFile {
  readonly path: string;
}

function packedFiles(json: string): readonly string[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) throw new Error("npm pack --json did not print an array");
  const first: unknown = parsed[0];
  if (
    typeof first !== "object" ||
    first === null ||
    !("files" in first) ||
    !Array.isArray(first.files)
  ) {
    throw new Error("npm pack --json printed no file list");
  }
  const files: readonly PackedFile[] = first.files.filter(
    (file: unknown): file is PackedFile =>
      typeof file === "object" && file !== null && "path" in file && typeof file.path === "string",
  );
  return files.map((file) => file.path);
}

describe("the published package", () => {
  it("holds only what users need, has no runtime dependencies, and works installed", async () => {
    const work = await tempDir("litclaude-pack-");
    const packed = await run("npm", ["pack", "--json", "--pack-destination", work], REPO_ROOT);
    expect(packed.exitCode).toBe(0);
    const files = packedFiles(packed.stdout);
    const tops = new Set(files.map((file) => file.split("/")[0] ?? ""));
    expect([...tops].filter((top) => !ALLOWED_TOP.has(top))).toEqual([]);
    expect(files.some((file) => file.startsWith("src/") || file.startsWith("test/"))).toBe(false);

    const prefix = join(work, "prefix");
    const tarball = (await run("sh", ["-c", "ls *.tgz"], work)).stdout.trim();
    const installed = await run(
      "npm",
      ["install", "--prefix", prefix, "--no-audit", "--no-fund", join(work, tarball)],
      work,
    );
    expect(installed.exitCode).toBe(0);
    const listed = await run("npm", ["ls", "--prefix", prefix, "--all", "--parseable"], work);
    expect(listed.stdout.trim().split("\n")).toHaveLength(2);

    const bin = join(prefix, "node_modules", ".bin", "create-litclaude");
    // Works installed: the installed bin makes a project, installs it and gates it (--verify).
    const created = await run(
      bin,
      ["app", "--lang", "ts", "--yes", "--no-git", "--verify", "--json"],
      work,
    );
    expect(created.exitCode, created.output).toBe(0);
    expect(created.stdout).toMatch(/"name":"verify","command":"scripts\/check","status":"done"/);
    expect(created.stdout).toContain("OK: all checks passed");
    for (const executable of [
      "scripts/check",
      "scripts/no-excuse",
      ".claude/skills/litclaude/hooks/check-edited-file.sh",
    ]) {
      expect(((await stat(join(work, "app", executable))).mode & 0o111) !== 0, executable).toBe(
        true,
      );
    }
    // The shipped JSON Schema is found installed: template init copies it beside the manifest.
    const init = await run(bin, ["template", "init", "tpl"], work);
    expect(init.exitCode, init.output).toBe(0);
    expect(await readFile(join(work, "tpl", "litclaude.template.schema.json"), "utf8")).toBe(
      await readFile(join(REPO_ROOT, "schema", "litclaude.template.schema.json"), "utf8"),
    );
  }, 600_000);
});
