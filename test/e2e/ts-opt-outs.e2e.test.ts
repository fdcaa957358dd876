// One exception, one comment: every no-excuse rule that has an opt-out, planted in a generated
// TypeScript project with the opt-out AGENTS.md documents for it, passes the whole gate; the
// same comment without its reason keeps the gate red, at the file that holds it.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectGateGreen, lastLine, plant, runGate, scaffold } from "./support.js";

const SCAFFOLD_TIMEOUT = 240_000;
const GATE_TIMEOUT = 180_000;
const REASON = " -- planted: the documented exception";

interface Planted {
  readonly rule: string;
  /** The file's text, with `${why}` where the opt-out's reason goes. */
  readonly text: (why: string) => string;
}

const longModule = Array.from(
  { length: 260 },
  (_, i) => `export const v${String(i)} = ${String(i)};`,
);

const planted: readonly Planted[] = [
  {
    rule: "no-any",
    text: (why) =>
      `// eslint-disable-next-line @typescript-eslint/no-explicit-any${why}\nexport type Loose = any;\n`,
  },
  {
    rule: "no-cast",
    text: (why) =>
      [
        "const input: unknown = 1;",
        `// eslint-disable-next-line @typescript-eslint/consistent-type-assertions${why}`,
        "export const width = input as number;",
        "",
      ].join("\n"),
  },
  {
    rule: "no-non-null",
    text: (why) =>
      [
        'const counts = new Map<string, number>([["a", 1]]);',
        `// eslint-disable-next-line @typescript-eslint/no-non-null-assertion${why}`,
        'export const a: number = counts.get("a")!;',
        "",
      ].join("\n"),
  },
  {
    rule: "no-non-null (definite assignment, which no ESLint rule reports)",
    text: (why) =>
      [
        "export class Lazy {",
        `  value!: number; // no-excuse-ok: no-non-null${why}`,
        "  init(): void {",
        "    this.value = 1;",
        "  }",
        "}",
        "",
      ].join("\n"),
  },
  {
    rule: "no-ts-comment",
    text: (why) =>
      [
        `// eslint-disable-next-line @typescript-eslint/ban-ts-comment${why}`,
        "// @ts-expect-error -- planted: a deliberate type error",
        'export const wrong: number = "one";',
        "",
      ].join("\n"),
  },
  {
    rule: "no-enum",
    text: (why) =>
      [
        `// eslint-disable-next-line no-restricted-syntax${why}`,
        "declare enum Planted {",
        "  A,",
        "  B,",
        "}",
        "export type PlantedKind = Planted;",
        "",
      ].join("\n"),
  },
  {
    rule: "throw-error",
    text: (why) =>
      [
        "export function fail(): never {",
        `  // eslint-disable-next-line @typescript-eslint/only-throw-error${why}`,
        '  throw "plain";',
        "}",
        "",
      ].join("\n"),
  },
  {
    rule: "no-export-let",
    text: (why) =>
      [
        `export let counter = 0; // no-excuse-ok: no-export-let${why}`,
        "export function bump(): void {",
        "  counter += 1;",
        "}",
        "",
      ].join("\n"),
  },
  {
    rule: "no-empty-catch",
    text: (why) =>
      [
        "export function quietly(run: () => void): void {",
        "  try {",
        "    run();",
        "  } catch {",
        `    // no-excuse-ok: no-empty-catch${why}`,
        "  }",
        "}",
        "",
      ].join("\n"),
  },
  {
    rule: "catch-must-narrow",
    text: (why) =>
      [
        "export function attempt(run: () => void): boolean {",
        "  try {",
        "    run();",
        "    return true;",
        "  } catch {",
        `    // no-excuse-ok: catch-must-narrow${why}`,
        "    return false;",
        "  }",
        "}",
        "",
      ].join("\n"),
  },
  {
    rule: "file-too-long",
    text: (why) => [`/* eslint-disable max-lines${why} */`, ...longModule, ""].join("\n"),
  },
];

const fileOf = (index: number): string => `src/planted/opt-out-${String(index)}.ts`;

describe("ts: one documented comment per exception", () => {
  let dir = "";

  beforeAll(async () => {
    ({ dir } = await scaffold("ts", "lib"));
  }, SCAFFOLD_TIMEOUT);

  afterAll(async () => {
    await rm(join(dir, "src", "planted"), { recursive: true, force: true });
  });

  it(
    "each rule's violation with its opt-out passes the whole gate",
    async () => {
      for (const [index, { text }] of planted.entries())
        await plant(dir, fileOf(index), text(REASON));
      await expectGateGreen(dir);
    },
    GATE_TIMEOUT,
  );

  it(
    "the same comments without a reason fail the gate, naming every planted file",
    async () => {
      for (const [index, { text }] of planted.entries()) await plant(dir, fileOf(index), text(""));
      // The ts-ignore directive has no opt-out, and ESLint no longer says to swap it for the
      // banned ts-expect-error: the gate stops at no-excuse with one coherent message.
      const ignored = "// @ts-ignore -- planted\nexport const n: number = String(1);\n";
      await plant(dir, "src/planted/ts-ignore.ts", ignored);
      const gate = await runGate(dir);
      expect(gate.output).toMatch(/^src\/planted\/ts-ignore\.ts:1:4 no-ts-ignore /m);
      expect(gate.output).not.toContain('@ts-expect-error" instead');
      expect(lastLine(gate.output), gate.output).toBe("FAILED: no-excuse");
      for (const [index, { rule }] of planted.entries()) {
        const line = new RegExp(
          `^${fileOf(index)}:\\d+:\\d+ (eslint-disable|opt-out)-needs-reason`,
          "m",
        );
        expect(gate.output, rule).toMatch(line);
      }
    },
    GATE_TIMEOUT,
  );
});
