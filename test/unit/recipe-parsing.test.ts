// The recipe harness's own parsing: fences found as CommonMark finds them, info strings read
// strictly, so a typo in a reference fails here instead of turning a recipe into an illustration.
import { describe, expect, it } from "vitest";
import { FenceError, parseFences } from "../e2e/recipes/fences.js";
import { gateUpTo } from "../e2e/recipes/project.js";
import { RecipeError, duplicatePaths, recipesOfText } from "../e2e/recipes/recipes.js";

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

describe("gateUpTo", () => {
  const script = [
    "#!/usr/bin/env bash",
    'cd "$(dirname "$0")/.."',
    "step format prettier",
    "step lint eslint",
    "step types tsc",
    "step no-excuse scripts/no-excuse",
    "step tests vitest",
    'echo "OK: all checks passed"',
  ].join("\n");

  it("stops before the step after the named one, in the project's root", () => {
    expect(gateUpTo(script, "lint", "/p")).toBe(
      [
        "#!/usr/bin/env bash",
        "cd '/p'",
        "step format prettier",
        "step lint eslint",
        "exit 0",
        "",
      ].join("\n"),
    );
  });

  it("keeps the whole gate for the last step", () => {
    expect(gateUpTo(script, "tests", "/p")).toContain(
      'step tests vitest\necho "OK: all checks passed"',
    );
  });

  it("refuses a script whose steps it cannot find", () => {
    expect(() => gateUpTo("cd somewhere\nstep lint x\n", "format", "/p")).toThrow(
      /no step named lint|no "cd/,
    );
  });
});
