import { spawn } from "node:child_process";
import { access, mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BIN = join(REPO_ROOT, "dist", "cli.js");

export { PROPERTY_RUNS } from "./property-plan.js";

export interface RunResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr interleaved as they arrived. */
  readonly output: string;
}

/** Runs a command with no shell; never throws on a non-zero exit. */
export function run(
  cmd: string,
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>> = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, [...args], {
      cwd,
      env: { ...process.env, CI: "true", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      resolve({ exitCode: code ?? (signal === null ? 1 : 128), stdout, stderr, output });
    });
  });
}

export async function tempDir(prefix = "litclaude-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Runs the built bin in `cwd`. */
export function runBin(
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>> = {},
): Promise<RunResult> {
  return run(process.execPath, [BIN, ...args], cwd, env);
}

/** Scaffolds a project with the built bin (`--yes --no-git` plus extraArgs) into a fresh temp dir. */
export async function scaffold(
  lang: string,
  kind: string,
  extraArgs: readonly string[] = [],
): Promise<{ readonly dir: string; readonly result: RunResult }> {
  const parent = await tempDir(`litclaude-${lang}-${kind}-`);
  const dir = join(parent, `demo-${kind}`);
  const result = await runBin(
    [dir, "--lang", lang, "--kind", kind, "--yes", "--no-git", ...extraArgs],
    parent,
  );
  if (result.exitCode !== 0) {
    throw new Error(
      `scaffold ${lang}/${kind} exited ${String(result.exitCode)}:\n${result.output}`,
    );
  }
  return { dir, result };
}

/** Runs the generated project's gate. */
export function runGate(dir: string): Promise<RunResult> {
  return run(join(dir, "scripts", "check"), [], dir);
}

/** The last line a command printed (the gate's verdict). */
export function lastLine(output: string): string {
  return output.trimEnd().split("\n").at(-1) ?? "";
}

export function pathExists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The step a gate run failed at, from its `FAILED: <step>` line. */
export function failedStep(output: string): string | undefined {
  return /^FAILED: (\S+)/m.exec(output)?.[1];
}

/** Writes a file in a project, or transforms the one that is there. */
export async function plant(
  dir: string,
  relPath: string,
  content: string | ((old: string) => string),
): Promise<void> {
  const file = join(dir, relPath);
  await mkdir(dirname(file), { recursive: true });
  const next = typeof content === "string" ? content : content(await readFile(file, "utf8"));
  await writeFile(file, next);
}

/** The steps of every generated scripts/check, in order (templates/README.md). */
export const GATE_STEPS = ["format", "lint", "types", "no-excuse", "tests"] as const;

/** Runs a project's gate and expects it green, showing the gate's output when it is not. */
export async function expectGateGreen(dir: string): Promise<RunResult> {
  const gate = await runGate(dir);
  expect(lastLine(gate.output), gate.output).toBe("OK: all checks passed");
  expect(gate.exitCode).toBe(0);
  for (const step of GATE_STEPS) expect(gate.output).toContain(`==> ${step}\n`);
  return gate;
}

/**
 * Plants a violation (a new file, or a change to one), expects the gate to stop at `step` with
 * `reason` in its output, then puts the file back as it was.
 */
export async function expectGateFailsAt(
  dir: string,
  planted: {
    readonly path: string;
    readonly content: string | ((old: string) => string);
    readonly step: string;
    readonly reason: string;
  },
): Promise<void> {
  const file = join(dir, planted.path);
  const original = await readFile(file, "utf8").catch(() => undefined);
  await plant(dir, planted.path, planted.content);
  try {
    const gate = await runGate(dir);
    expect(lastLine(gate.output), gate.output).toBe(`FAILED: ${planted.step}`);
    expect(gate.output).toContain(planted.reason);
    expect(gate.exitCode).toBe(1);
  } finally {
    if (original === undefined) await rm(file);
    else await writeFile(file, original);
  }
}
