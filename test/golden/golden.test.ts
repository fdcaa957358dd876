import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createProject } from "../../src/core/create-project.js";
import { KINDS, LANGUAGES, type Kind, type Language } from "../../src/core/options.js";
import { toolVersion } from "../../src/core/version.js";
import { REPO_ROOT, runBin, tempDir } from "../e2e/support.js";
import { formatSnapshot, parseSnapshot, snapshotTree, type SnapshotFile } from "./tree-snapshot.js";

const UPDATE = process.env["UPDATE_GOLDEN"] === "1";
if (UPDATE && process.env["CI"] === "true") {
  throw new Error("UPDATE_GOLDEN=1 with CI=true: golden trees are updated on purpose, never in CI");
}
const GOLDEN = join(REPO_ROOT, "test", "golden");
const NAME = "golden-demo";
const UPDATE_HINT =
  "if the change is intended, regenerate on purpose: npm run build && " +
  "UPDATE_GOLDEN=1 npx vitest run --config .config/vitest.config.ts test/golden";
const BIN_HINT =
  "the built bin renders differently from src/: rebuild (npm run build); if it still differs, " +
  "the template precompile step (.config/precompile-templates.mjs) is broken";
const COMBOS = LANGUAGES.flatMap((lang) => KINDS.map((kind) => [lang, kind] as const));

/** The tool's own version changes with every release; the golden trees should not. */
function maskToolVersion(path: string, text: string): string {
  const version = toolVersion();
  const masked = text.replaceAll(`create-litclaude ${version}`, "create-litclaude <tool version>");
  return path === ".litclaude/answers.json"
    ? masked.replace(`"version": "${version}"`, '"version": "<tool version>"')
    : masked;
}

function goldenPath(lang: Language, kind: Kind): string {
  return join(GOLDEN, `${lang}-${kind}.golden`);
}

async function renderWithSrc(lang: Language, kind: Kind): Promise<SnapshotFile[]> {
  const targetDir = join(await tempDir("litclaude-golden-src-"), NAME);
  await createProject({
    targetDir,
    name: NAME,
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
  return snapshotTree(targetDir, maskToolVersion);
}

/** What users run: dist/cli.js, where every built-in template is precompiled. */
async function renderWithBin(lang: Language, kind: Kind): Promise<SnapshotFile[]> {
  const parent = await tempDir("litclaude-golden-bin-");
  const args = [NAME, "--lang", lang, "--kind", kind, "--name", NAME, "--plugin", "vendor"];
  const result = await runBin([...args, "--yes", "--no-git", "--no-install"], parent);
  expect(result.exitCode, result.output).toBe(0);
  return snapshotTree(join(parent, NAME), maskToolVersion);
}

function headers(files: readonly SnapshotFile[]): string[] {
  return files.map((file) => `${file.executable ? "x" : "-"} ${file.path}`);
}

/** The first line where two texts part, shown both ways. */
function firstDifference(actual: string, expected: string): string {
  const got = actual.split("\n");
  const want = expected.split("\n");
  const index = got.findIndex((line, at) => line !== want[at]);
  const at = index === -1 ? got.length : index;
  return `line ${String(at + 1)}: generated ${JSON.stringify(got[at] ?? "(end)")}, golden ${JSON.stringify(want[at] ?? "(end)")}`;
}

/** Fails naming the first file whose path, mode or text differs from the golden tree. */
function expectSameTree(
  actual: readonly SnapshotFile[],
  expected: readonly SnapshotFile[],
  what: string,
  hint: string,
): void {
  const expectedByPath = new Map(expected.map((file) => [file.path, file]));
  const actualPaths = new Set(actual.map((file) => file.path));
  const gone = expected.filter((file) => !actualPaths.has(file.path)).map((file) => file.path);
  expect(gone, `${what}: golden files no longer generated; ${hint}`).toEqual([]);
  const added = actual.filter((file) => !expectedByPath.has(file.path)).map((file) => file.path);
  expect(added, `${what}: generated files missing from the golden tree; ${hint}`).toEqual([]);
  expect(headers(actual), `${what}: file modes differ; ${hint}`).toEqual(headers(expected));
  for (const file of actual) {
    const wanted = expectedByPath.get(file.path)?.body ?? "";
    const where = firstDifference(file.body, wanted);
    expect(file.body, `${what}: ${file.path} differs at ${where}; ${hint}`).toBe(wanted);
  }
}

describe.each(COMBOS)("golden tree %s/%s", (lang, kind) => {
  it("pins every generated file (path, mode, text), rendered from src/ and from dist/cli.js alike", async () => {
    const [fromSrc, fromBin] = await Promise.all([
      renderWithSrc(lang, kind),
      renderWithBin(lang, kind),
    ]);
    // Always checked, also when updating: a precompile step that renders differently never ships.
    expectSameTree(fromBin, fromSrc, "dist/cli.js against src/", BIN_HINT);
    const file = goldenPath(lang, kind);
    if (UPDATE) {
      await writeFile(file, formatSnapshot(fromSrc));
      return;
    }
    const golden = await readFile(file, "utf8").catch(() => "");
    expect(golden, `${file} is missing or empty; ${UPDATE_HINT}`).not.toBe("");
    expectSameTree(fromSrc, parseSnapshot(golden), `${lang}-${kind}.golden`, UPDATE_HINT);
  }, 120_000);
});

describe("the golden folder", () => {
  it("holds one golden tree per language and kind, and nothing stale", async () => {
    const entries = (await readdir(GOLDEN)).filter((entry) => !entry.endsWith(".ts")).sort();
    const expected = COMBOS.map(([lang, kind]) => `${lang}-${kind}.golden`).sort();
    expect(entries, `stale entries in test/golden; ${UPDATE_HINT}`).toEqual(expected);
  });
});
