import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { LitError } from "../../src/core/errors.js";

export const MINIMAL_MANIFEST = { name: "acme", extends: { lang: "ts", kind: "cli" } } as const;

/** Writes a team template into a fresh temp folder: its manifest and files. */
export async function templateFixture(
  files: Readonly<Record<string, string | Uint8Array>>,
  manifest: unknown = MINIMAL_MANIFEST,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "litclaude-tpl-"));
  await writeFile(join(dir, "litclaude.template.json"), JSON.stringify(manifest, null, 2));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/** Awaits a promise that must fail with a usage error (exit 2) whose message matches. */
export async function expectUsage(promise: Promise<unknown>, message: RegExp): Promise<LitError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LitError);
  if (!(error instanceof LitError)) throw new Error("expected a LitError");
  expect(error.exitCode).toBe(2);
  expect(error.message).toMatch(message);
  return error;
}
