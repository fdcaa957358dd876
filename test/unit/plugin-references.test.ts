// The plugin's references as a whole: every file parses, every recipe says where it goes and
// where it fails, no two recipes of a language write one path, the skill's index reaches every
// reference, and the vendored plugin stays small enough to copy into every project.
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, pathExists } from "../e2e/support.js";
import { REFERENCES_DIR, TOPICS } from "../e2e/recipes/languages.js";
import {
  duplicatePaths,
  loadRecipes,
  referenceFiles,
  referenceLanguages,
} from "../e2e/recipes/recipes.js";

const PLUGIN_DIR = join(REPO_ROOT, "content", "plugin");
const SKILL = join(PLUGIN_DIR, "skills", "programming", "SKILL.md");
const PLUGIN_BUDGET_BYTES = 150 * 1024;

async function treeSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

const languages = await referenceLanguages();

describe("the programming skill's references", () => {
  it("has a folder for TypeScript and Python at least", () => {
    expect(languages).toEqual(expect.arrayContaining(["python", "typescript"]));
  });

  it.each(languages)("%s: one file per topic, and no single-file reference left", async (lang) => {
    const files = await referenceFiles(lang);
    expect(files).toEqual(TOPICS.map((topic) => `references/${lang}/${topic}.md`).sort());
    const old = await readdir(REFERENCES_DIR);
    expect(old).not.toContain(`${lang}.md`);
  });

  it.each(languages)("%s: every block parses and no two recipes write one path", async (lang) => {
    const recipes = await loadRecipes(lang);
    expect(recipes.length).toBeGreaterThan(0);
    expect(duplicatePaths(recipes)).toEqual([]);
  });

  it("indexes every topic and language in SKILL.md, and its links lead to files", async () => {
    const skill = await readFile(SKILL, "utf8");
    expect(TOPICS.filter((topic) => !skill.includes(`| \`${topic}.md\``))).toEqual([]);
    expect(languages.filter((lang) => !skill.includes(`\`${lang}\``))).toEqual([]);
    const links = [...skill.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? "");
    const missing: string[] = [];
    for (const link of links) {
      if (!(await pathExists(join(SKILL, "..", link)))) missing.push(link);
    }
    expect(links.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it(`keeps the vendored plugin under ${String(PLUGIN_BUDGET_BYTES / 1024)} KB`, async () => {
    expect(await treeSize(PLUGIN_DIR)).toBeLessThan(PLUGIN_BUDGET_BYTES);
  });
});
