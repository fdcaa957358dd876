import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { LANGUAGES } from "../../src/core/options.js";
import { BIN, REPO_ROOT, run, tempDir } from "./support.js";

/** Text only the handlebars compiler (its parser) holds, never the runtime. */
const COMPILER_MARK = "Parse error on line";

/** Writes a `--import` module that logs the URL of every module the process loads. */
async function loadLogger(dir: string): Promise<string> {
  await writeFile(
    join(dir, "hooks.mjs"),
    [
      'import { appendFileSync } from "node:fs";',
      "export async function load(url, context, next) {",
      '  appendFileSync(process.env.LITCLAUDE_LOAD_LOG, url + "\\n");',
      "  return next(url, context);",
      "}",
      "",
    ].join("\n"),
  );
  const register = join(dir, "register.mjs");
  await writeFile(
    register,
    'import { register } from "node:module";\nregister("./hooks.mjs", import.meta.url);\n',
  );
  return pathToFileURL(register).href;
}

describe("the built bin", () => {
  let compilerFiles: string[] = [];

  beforeAll(async () => {
    const dist = join(REPO_ROOT, "dist");
    const files = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith(".js"));
    const marked = await Promise.all(
      files.map(async (file) =>
        (await readFile(join(dist, file), "utf8")).includes(COMPILER_MARK)
          ? [join(dist, file)]
          : [],
      ),
    );
    compilerFiles = marked.flat();
  });

  it("ships the handlebars compiler in lazily loaded chunks, not in the bin's entry", () => {
    expect(compilerFiles.length).toBeGreaterThan(0);
    expect(compilerFiles).not.toContain(BIN);
  });

  it.each(LANGUAGES)("never loads the compiler to create a %s project", async (lang) => {
    const dir = await tempDir("litclaude-loads-");
    const log = join(dir, "loaded.log");
    const logger = await loadLogger(dir);
    const result = await run(
      process.execPath,
      ["--import", logger, BIN, "app", "--lang", lang, "--yes", "--no-git", "--no-install"],
      dir,
      { LITCLAUDE_LOAD_LOG: log },
    );
    expect(result.exitCode, result.output).toBe(0);
    const loaded = (await readFile(log, "utf8"))
      .split("\n")
      .filter((url) => url.startsWith("file:"))
      .map((url) => fileURLToPath(url));
    // The log is real: it holds the bin and the lazily loaded chunk of the language.
    expect(loaded).toContain(BIN);
    expect(loaded.some((file) => file.includes(`${join("dist", "chunks", lang)}-`))).toBe(true);
    expect(loaded.filter((file) => compilerFiles.includes(file))).toEqual([]);
  });
});
