import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  combineAnswers,
  parseAnswerFlags,
  readAnswersFile,
} from "../../src/template/answers-input.js";
import type { Question } from "../../src/template/manifest-schema.js";
import { recordedAnswers, resolveAnswers } from "../../src/template/questions.js";
import { expectUsage, templateFixture } from "./template-support.js";

const QUESTIONS: readonly Question[] = [
  { id: "team", type: "string", pattern: "^[a-z]+$", default: "core" },
  { id: "db", type: "choice", choices: ["pg", "none"], default: "none" },
  { id: "metrics", type: "boolean", when: { db: "pg" } },
  { id: "port", type: "number", integer: true, min: 1, max: 65535, default: 8080 },
];

const flags = (...words: string[]) => parseAnswerFlags(words);

describe("template answers", () => {
  it("take defaults, and skip a question whose when does not hold", async () => {
    const answers = await resolveAnswers(QUESTIONS, new Map(), undefined);
    expect(answers).toEqual({ team: "core", db: "none", metrics: undefined, port: 8080 });
    expect(recordedAnswers(answers)).toEqual({ team: "core", db: "none", port: 8080 });
  });

  it("type --answer text by its question", async () => {
    const answers = await resolveAnswers(
      QUESTIONS,
      flags("team=pay", "db=pg", "metrics=yes", "port=9000"),
      undefined,
    );
    expect(answers).toEqual({ team: "pay", db: "pg", metrics: true, port: 9000 });
  });

  it("need an answer with no default once its when holds, naming the flag", async () => {
    await expectUsage(
      resolveAnswers(QUESTIONS, flags("db=pg"), undefined),
      /missing the answer to "metrics"/,
    );
  });

  it("refuse an unknown key and every bad value", async () => {
    await expectUsage(
      resolveAnswers(QUESTIONS, flags("colour=red"), undefined),
      /--answer colour=red: the template asks no question "colour"/,
    );
    await expectUsage(resolveAnswers(QUESTIONS, flags("team=A1"), undefined), /does not match/);
    await expectUsage(
      resolveAnswers(QUESTIONS, flags("db=mysql"), undefined),
      /not one of: pg, none/,
    );
    await expectUsage(
      resolveAnswers(QUESTIONS, flags("port=1.5"), undefined),
      /not a whole number/,
    );
    await expectUsage(resolveAnswers(QUESTIONS, flags("port=0"), undefined), /below 1/);
    await expectUsage(resolveAnswers(QUESTIONS, flags("port=many"), undefined), /expects a number/);
    await expectUsage(
      resolveAnswers(QUESTIONS, flags("db=pg", "metrics=perhaps"), undefined),
      /expects true or false/,
    );
    expect(() => flags("team")).toThrow(/expected key=value/);
    expect(() => flags("team=a", "team=b")).toThrow(/given twice/);
  });

  it("ask only what was not given, and check what the prompt returns", async () => {
    const asked: string[] = [];
    const answers = await resolveAnswers(QUESTIONS, flags("team=pay"), (question) => {
      asked.push(question.id);
      return Promise.resolve(question.id === "db" ? "pg" : question.id === "metrics" ? false : 80);
    });
    expect(asked).toEqual(["db", "metrics", "port"]);
    expect(answers).toEqual({ team: "pay", db: "pg", metrics: false, port: 80 });
    await expectUsage(
      resolveAnswers(QUESTIONS, new Map(), () => Promise.resolve("BAD")),
      /does not match/,
    );
  });

  it("come from an answers file, with --answer winning over it", async () => {
    const dir = await templateFixture({});
    await writeFile(join(dir, "answers.json"), '{"team": "ops", "db": "pg", "metrics": true}');
    const fromFile = await readAnswersFile("answers.json", dir);
    const answers = await resolveAnswers(
      QUESTIONS,
      combineAnswers(fromFile, flags("team=pay")),
      undefined,
    );
    expect(answers).toEqual({ team: "pay", db: "pg", metrics: true, port: 8080 });
  });

  it("refuse an answers file that is not one JSON object of scalars", async () => {
    const dir = await templateFixture({});
    await writeFile(join(dir, "bad.json"), '{"team": ');
    await writeFile(join(dir, "list.json"), "[1]");
    await writeFile(join(dir, "nested.json"), '{"team": {"a": 1}}');
    const syntax = await expectUsage(readAnswersFile("bad.json", dir), /not valid JSON/);
    expect(syntax.location).toMatchObject({ file: join(dir, "bad.json"), line: 1 });
    await expectUsage(readAnswersFile("list.json", dir), /one JSON object/);
    await expectUsage(readAnswersFile("nested.json", dir), /team must be text/);
    await expectUsage(readAnswersFile("none.json", dir), /cannot read it/);
  });
});
