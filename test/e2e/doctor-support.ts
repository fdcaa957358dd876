import { cp, readFile } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod/mini";
import { expect } from "vitest";
import { runBin, scaffold, tempDir, type RunResult } from "./support.js";

const findingSchema = z.object({
  id: z.string(),
  file: z.string(),
  line: z.number(),
  baseline: z.string(),
  current: z.string(),
  fix: z.string(),
});

const suppressionSchema = z.object({
  kind: z.string(),
  rules: z.string(),
  file: z.string(),
  line: z.number(),
  reason: z.string(),
  isNew: z.boolean(),
});

const doctorSchema = z.object({
  ok: z.boolean(),
  command: z.literal("doctor"),
  baselineSource: z.enum(["answers", "defaults"]),
  staleAccepted: z.array(z.object({ id: z.string(), file: z.string(), reason: z.string() })),
  groups: z.array(
    z.object({
      label: z.string(),
      lang: z.string(),
      dir: z.string(),
      madeWith: z.optional(z.string()),
      judgedBy: z.enum(["snapshot", "templates"]),
      findings: z.array(findingSchema),
      accepted: z.array(z.extend(findingSchema, { reason: z.string() })),
      suppressions: z.array(suppressionSchema),
    }),
  ),
});

export type DoctorJson = z.infer<typeof doctorSchema>;
export type FindingJson = z.infer<typeof findingSchema>;

const pristine = new Map<string, Promise<string>>();

/** A fresh project of the language and kind, scaffolded once per test file and copied per test. */
export async function project(
  lang: string,
  kind: string,
  extraArgs: readonly string[] = [],
): Promise<string> {
  const key = [lang, kind, ...extraArgs].join(" ");
  let made = pristine.get(key);
  if (made === undefined) {
    made = scaffold(lang, kind, ["--no-install", ...extraArgs]).then(({ dir }) => dir);
    pristine.set(key, made);
  }
  const copy = join(await tempDir(`litclaude-doctor-${lang}-`), "repo");
  await cp(await made, copy, { recursive: true });
  return copy;
}

/** Runs `doctor --json` in `dir` and reads its one JSON object. */
export async function doctor(
  dir: string,
  args: readonly string[] = [],
): Promise<{ readonly exitCode: number; readonly json: DoctorJson; readonly run: RunResult }> {
  const run = await runBin(["doctor", "--json", ...args], dir);
  const parsed = doctorSchema.safeParse(JSON.parse(run.stdout));
  if (!parsed.success) throw new Error(`doctor --json printed something else:\n${run.output}`);
  return { exitCode: run.exitCode, json: parsed.data, run };
}

/** Every drift finding, without its fix text. */
export function drift(json: DoctorJson): Omit<FindingJson, "fix">[] {
  return json.groups.flatMap((group) =>
    group.findings.map(({ id, file, line, baseline, current }) => ({
      id,
      file,
      line,
      baseline,
      current,
    })),
  );
}

/** The 1-based line of the first line of a project file that contains `needle`. */
export async function lineOf(dir: string, path: string, needle: string): Promise<number> {
  const lines = (await readFile(join(dir, path), "utf8")).split("\n");
  const index = lines.findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`${path} has no line with ${needle}`);
  return index + 1;
}

/** Runs doctor and expects exactly this one finding (and exit 1). */
export async function expectOnlyFinding(
  dir: string,
  expected: Omit<FindingJson, "fix">,
  args: readonly string[] = [],
): Promise<FindingJson> {
  const { exitCode, json, run } = await doctor(dir, args);
  expect(drift(json), run.output).toEqual([expected]);
  expect(exitCode).toBe(1);
  expect(json.ok).toBe(false);
  const found = json.groups.flatMap((group) => group.findings)[0];
  if (found === undefined) throw new Error("no finding");
  expect(found.fix).not.toBe("");
  return found;
}

/** Runs doctor and expects no drift at all (exit 0). */
export async function expectNoDrift(
  dir: string,
  args: readonly string[] = [],
): Promise<DoctorJson> {
  const { exitCode, json, run } = await doctor(dir, args);
  expect(drift(json), run.output).toEqual([]);
  expect(exitCode).toBe(0);
  expect(json.ok).toBe(true);
  return json;
}
