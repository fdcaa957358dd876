import { mkdir, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { createProject } from "../../src/core/create-project.js";
import { KINDS, LANGUAGES, type Kind, type Language } from "../../src/core/options.js";
import { REPO_ROOT, tempDir } from "../e2e/support.js";

/** Files whose whole text is pinned, per language, beside the file list of every project. */
const KEY_FILES: Readonly<Record<Language, readonly string[]>> = {
  ts: ["package.json", "tsconfig.json", "eslint.config.js", "scripts/check"],
  go: ["go.mod", ".golangci.yml", "scripts/check"],
  python: ["pyproject.toml", "scripts/check"],
  rust: ["Cargo.toml", "clippy.toml", "scripts/check"],
};
const SHARED_KEY_FILES = [".litclaude/answers.json", "CLAUDE.md", ".editorconfig"];
const UPDATE = process.env["UPDATE_GOLDEN"] === "1";
const GOLDEN = join(REPO_ROOT, "test", "golden");

async function listTree(root: string): Promise<string[]> {
  const dirents = await readdir(root, { recursive: true, withFileTypes: true });
  const files = dirents
    .filter((dirent) => dirent.isFile())
    .map((dirent) => join(dirent.parentPath, dirent.name));
  const lines = await Promise.all(
    files.map(async (file) => {
      const executable = ((await stat(file)).mode & 0o111) !== 0;
      return `${executable ? "x" : "-"} ${relative(root, file)}`;
    }),
  );
  return lines.sort();
}

async function matchGolden(name: string, actual: string): Promise<void> {
  const file = join(GOLDEN, name);
  if (UPDATE) {
    await mkdir(join(file, ".."), { recursive: true });
    await writeFile(file, actual);
    return;
  }
  const expected = await readFile(file, "utf8").catch(
    () => "(missing golden file: run UPDATE_GOLDEN=1 npm test)",
  );
  expect(
    actual,
    `${name} differs from its golden copy; if the change is intended, run UPDATE_GOLDEN=1 npm test`,
  ).toBe(expected);
}

async function generate(lang: Language, kind: Kind): Promise<string> {
  const targetDir = join(await tempDir("litclaude-golden-"), "golden-demo");
  await createProject({
    targetDir,
    name: "golden-demo",
    lang,
    kind,
    plugin: "vendor",
    git: false,
    install: false,
    verify: false,
    dryRun: false,
    force: false,
    packageManager: "npm",
  });
  return targetDir;
}

describe.each(LANGUAGES.flatMap((lang) => KINDS.map((kind) => [lang, kind] as const)))(
  "golden tree %s/%s",
  (lang, kind) => {
    it("has the expected files, modes and key file contents", async () => {
      const dir = await generate(lang, kind);
      await matchGolden(`${lang}-${kind}/files.txt`, `${(await listTree(dir)).join("\n")}\n`);
      for (const path of [...KEY_FILES[lang], ...SHARED_KEY_FILES]) {
        const raw = await readFile(join(dir, path), "utf8");
        // The tool's own version changes with every release; the golden copy should not.
        const text =
          path === ".litclaude/answers.json"
            ? raw.replace(/"version": "[^"]+"/, '"version": "<tool version>"')
            : raw;
        await matchGolden(`${lang}-${kind}/${path.replaceAll("/", "__")}`, text);
      }
    });
  },
);
