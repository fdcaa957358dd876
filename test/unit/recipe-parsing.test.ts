// The recipe harness's own parsing: fences found as CommonMark finds them, info strings read
// strictly, so a typo in a reference fails here instead of turning a recipe into an illustration.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FenceError, parseFences } from "../e2e/recipes/fences.js";
import { gateOf } from "../e2e/recipes/project.js";
import { RecipeError, STEPS, duplicatePaths, recipesOfText } from "../e2e/recipes/recipes.js";
import { REPO_ROOT } from "../e2e/support.js";

const fence = (info: string, body: string, marker = "```"): string =>
  `${marker}${info}\n${body}${marker}\n`;

describe("parseFences", () => {
  it("finds backtick and tilde fences with their info strings, bodies and lines", () => {
    const text = `# t\n\n${fence("ts a=b", "one\n")}\ntext\n${fence("", "two\n", "~~~~")}`;
    expect(parseFences(text)).toEqual([
      { info: "ts a=b", body: "one\n", line: 3 },
      { info: "", body: "two\n", line: 8 },
    ]);
  });

  it("keeps a shorter or different fence inside a block as content", () => {
    const text = "````md\n```ts\nx\n```\n~~~\n````\n";
    expect(parseFences(text)).toEqual([{ info: "md", body: "```ts\nx\n```\n~~~\n", line: 1 }]);
  });

  it("removes the opening fence's indentation from the body, and no more", () => {
    expect(parseFences("  ```\n    a\n b\nc\n  ```\n")).toEqual([
      { info: "", body: "  a\nb\nc\n", line: 1 },
    ]);
  });

  it("closes only on a line of fence characters, with CRLF line ends read as LF", () => {
    expect(parseFences("```\r\n``` x\r\n```  \r\n")).toEqual([
      { info: "", body: "``` x\n", line: 1 },
    ]);
  });

  it("does not take inline code with a backtick in its info string for a fence", () => {
    expect(parseFences("```a`b```\ntext\n")).toEqual([]);
  });

  it("refuses an unclosed fence, naming its line", () => {
    expect(() => parseFences("a\n\n~~~py\nx\n")).toThrow(FenceError);
    expect(() => parseFences("a\n\n~~~py\nx\n")).toThrow(/line 3: .*never closed/);
  });

  it.each(["- ```ts", "> ```ts", "    ```ts", "1. ~~~ts"])(
    "refuses a fence in a container or indented block (%s)",
    (line) => {
      expect(() => parseFences(`${line}\nx\n\`\`\`\n`)).toThrow(/line 1: .*at the margin/);
    },
  );
});

describe("recipesOfText", () => {
  const file = "references/typescript/x.md";

  it("reads do and dont recipes, and leaves illustrations out", () => {
    const text = [
      fence("typescript recipe=do path=src/a.ts", "export const a = 1;\n"),
      fence("typescript", "illustration\n"),
      fence("typescript recipe=dont  path=src/b.ts fails=no-excuse", "b\n"),
    ].join("\n");
    expect(recipesOfText(text, "typescript", file)).toEqual([
      {
        kind: "do",
        lang: "typescript",
        path: "src/a.ts",
        code: "export const a = 1;\n",
        source: `${file}:1`,
      },
      {
        kind: "dont",
        lang: "typescript",
        path: "src/b.ts",
        fails: "no-excuse",
        code: "b\n",
        source: `${file}:9`,
      },
    ]);
  });

  it.each([
    ["typescript recipe=maybe path=src/a.ts", /recipe=do or recipe=dont/],
    ["typescript path=src/a.ts", /recipe=do or recipe=dont/],
    ["typescript recipe=do", /needs path=/],
    ["typescript recipe=do path=src/a.ts fails=lint", /no fails=/],
    ["typescript recipe=dont path=src/a.ts", /needs fails=/],
    ["typescript recipe=dont path=src/a.ts fails=compile", /needs fails=/],
    ["typescript recipe=do path=src/a.ts path=src/b.ts", /given twice/],
    ["typescript recipe=do path=src/a.ts title=x", /"title=x" is not/],
    ["typescript recipe=do src/a.ts", /not key=value/],
    ["ts recipe=do path=src/a.ts", /is written `typescript`, not `ts`/],
    ["typescript recipe=do path=../a.ts", /plain relative path/],
    ["typescript recipe=do path=/src/a.ts", /plain relative path/],
    ["typescript recipe=do path=src/./a.ts", /plain relative path/],
    ["typescript recipe=do path=src/a.js", /must end in \.ts/],
  ])("refuses `%s`, naming the block's line", (info, problem) => {
    const text = `intro\n\n${fence(info, "x\n")}`;
    expect(() => recipesOfText(text, "typescript", file)).toThrow(RecipeError);
    expect(() => recipesOfText(text, "typescript", file)).toThrow(problem);
    expect(() => recipesOfText(text, "typescript", file)).toThrow(`${file}:3: `);
  });

  it("names every path two recipes write", () => {
    const text = [
      fence("python recipe=do path=src/app/a.py", "a\n"),
      fence("python recipe=dont path=src/app/a.py fails=lint", "b\n"),
      fence("python recipe=do path=src/app/b.py", "c\n"),
    ].join("\n");
    const recipes = recipesOfText(text, "python", "references/python/x.md");
    expect(duplicatePaths(recipes)).toEqual([
      "src/app/a.py: references/python/x.md:1, references/python/x.md:5",
    ]);
  });
});

describe("gateOf", () => {
  const scripts = {
    go: "templates/go/common/scripts/check",
    python: "templates/python/common/scripts/check",
    rust: "templates/rust/common/scripts/check",
    ts: "templates/ts/common/scripts/check.hbs",
  } as const;
  const read = (lang: keyof typeof scripts): string =>
    readFileSync(join(REPO_ROOT, scripts[lang]), "utf8");
  const stepsIn = (script: string): readonly string[] =>
    [...script.matchAll(/^\s*(?:step|run_step) ([a-z-]+)/gm)].map((match) => match[1] ?? "");
  const langs = ["go", "python", "rust", "ts"] as const;
  const cases = langs.flatMap((lang) => STEPS.map((step) => [lang, step] as const));

  it.each(cases)("keeps only the %s gate's %s step, as valid bash, in the root", (lang, step) => {
    const reduced = gateOf(read(lang), [step], "/p");
    expect(stepsIn(reduced)).toEqual([step]);
    expect(reduced).toContain("cd '/p'");
    expect(reduced.trimEnd().endsWith("exit 0")).toBe(step !== "tests");
    const syntax = spawnSync("bash", ["-n"], { input: reduced, encoding: "utf8" });
    expect(syntax.stderr).toBe("");
    expect(syntax.status).toBe(0);
  });

  it("drops a block step's commands and keeps the functions a later one-line step calls", () => {
    const rust = gateOf(read("rust"), ["types"], "/p");
    expect(rust).toContain("cargo check");
    expect(rust).not.toContain("cargo fmt --all --check");
    expect(rust).not.toContain("cargo clippy --all-targets");
    const ts = gateOf(read("ts"), ["types"], "/p");
    expect(ts).toContain("types() {");
    expect(ts).not.toContain("step lint");
  });

  it("keeps several steps in the gate's order", () => {
    expect(stepsIn(gateOf(read("go"), ["lint", "format"], "/p"))).toEqual(["format", "lint"]);
  });

  it("refuses a script whose steps or root it cannot find", () => {
    expect(() => gateOf("step lint x\n", ["lint"], "/p")).toThrow(/no "cd/);
    expect(() => gateOf('cd "$(dirname "$0")/.."\nstep lint x\n', ["lint"], "/p")).toThrow(
      /not every step/,
    );
  });
});
