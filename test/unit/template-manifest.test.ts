import { describe, expect, it } from "vitest";
import { parseManifest, readManifest } from "../../src/template/manifest.js";
import { expectUsage, templateFixture } from "./template-support.js";

const FILE = "/t/litclaude.template.json";
const base = { name: "acme", extends: { lang: "go" } };

function parse(value: unknown): ReturnType<typeof parseManifest> {
  return parseManifest(JSON.stringify(value), FILE);
}

async function fails(value: unknown, message: RegExp): Promise<void> {
  const error = await expectUsage(
    Promise.resolve().then(() => parse(value)),
    message,
  );
  expect(error.location?.file).toBe(FILE);
}

describe("the manifest", () => {
  it("says what each wrong value should be, every problem at once", async () => {
    await fails(
      { name: 3, extends: { lang: "go" }, questions: [{ id: "x", type: "strin" }] },
      /name: Invalid input: expected string, received number; questions\[0\]\.type: .*'string' \| 'choice'/,
    );
  });

  it("takes every field the issue names", () => {
    const manifest = parse({
      $schema: "./litclaude.template.schema.json",
      ...base,
      description: "d",
      version: "1.2.0",
      questions: [
        { id: "team", type: "string", pattern: "^[a-z]+$", default: "core" },
        { id: "db", type: "choice", choices: ["pg", "none"], default: "none" },
        { id: "metrics", type: "boolean", when: { db: "pg" } },
        { id: "port", type: "number", integer: true, min: 1, max: 65535, default: 8080 },
      ],
      files: { include: ["**"], exclude: ["docs/**"], render: ["*.md"] },
      tasks: [{ name: "hello", run: ["echo", "hi"] }],
    });
    expect(manifest.questions?.map((question) => question.type)).toEqual([
      "string",
      "choice",
      "boolean",
      "number",
    ]);
  });

  it("names the line and column of a JSON syntax error", async () => {
    const error = await expectUsage(
      Promise.resolve().then(() => parseManifest('{\n  "name": "a",\n  oops\n}', FILE)),
      /not valid JSON/,
    );
    expect(error.location).toMatchObject({ file: FILE, line: 3 });
  });

  it("names the JSON path of what the schema refuses", async () => {
    await fails({ extends: { lang: "go" } }, /: name: /);
    await fails({ ...base, extends: { lang: "cobol" } }, /extends\.lang|extends: /);
    await fails({ ...base, questions: [{ id: "x", type: "date" }] }, /questions\[0\]/);
    await fails(
      { ...base, questions: [{ id: "a", type: "choice", choices: [] }] },
      /questions\[0\]\.choices: a choice question needs choices/,
    );
    await fails(
      { ...base, tasks: [{ name: "t", run: [] }] },
      /tasks\[0\]\.run: run needs a command/,
    );
    await fails({ ...base, surprise: 1 }, /\(the top level\)|surprise/);
  });

  it("refuses what zod cannot see: ids reused or reserved, when ahead, bad regex, bad default", async () => {
    const q = (extra: object) => ({ id: "a", type: "string", ...extra });
    await fails({ ...base, questions: [q({}), q({})] }, /questions\[1\]\.id: "a" is used twice/);
    await fails(
      { ...base, questions: [q({ id: "name" })] },
      /questions\[0\]\.id: "name" is a built-in/,
    );
    await fails(
      { ...base, questions: [q({ when: { b: true } }), { id: "b", type: "boolean" }] },
      /questions\[0\]\.when\.b: names no question asked before/,
    );
    await fails(
      { ...base, questions: [q({ pattern: "(" })] },
      /questions\[0\]\.pattern: not a valid/,
    );
    await fails(
      { ...base, questions: [q({ pattern: "^[a-z]+$", default: "A1" })] },
      /questions\[0\]\.default: "A1" does not match/,
    );
    await fails(
      { ...base, questions: [{ id: "n", type: "number", max: 3, default: 4 }] },
      /questions\[0\]\.default: 4 is above 3/,
    );
  });

  it("is required at the template's root", async () => {
    const dir = await templateFixture({});
    await expect(readManifest(dir)).resolves.toMatchObject({ name: "acme" });
    await expectUsage(readManifest(`${dir}/nowhere`), /holds no litclaude\.template\.json/);
  });
});
