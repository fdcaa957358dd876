import { readFile } from "node:fs/promises";
import type * as z from "zod/mini";

/**
 * A cache file's content when it is there, parses and has the expected shape; anything else
 * (absent, cut short by a crash, edited by hand) reads as undefined, so the entry is refetched.
 */
export async function readJsonFile<T>(
  file: string,
  schema: z.ZodMiniType<T>,
): Promise<T | undefined> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error: unknown) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
