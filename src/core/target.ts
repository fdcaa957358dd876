import { readdir, stat } from "node:fs/promises";
import { usageError } from "./errors.js";

/** Entries that do not make a folder "not empty" for a new project. */
const IGNORABLE = new Set([".git"]);

/** A new project goes into a folder that does not exist yet, or is empty but for `.git`. */
export async function assertTargetIsFree(targetDir: string, shown: string): Promise<void> {
  const info = await stat(targetDir).catch(() => undefined);
  if (info === undefined) return;
  if (!info.isDirectory()) {
    throw usageError(`${shown} exists and is not a folder`, "choose another project directory");
  }
  const entries = (await readdir(targetDir)).filter((entry) => !IGNORABLE.has(entry));
  if (entries.length > 0) {
    const sample = entries.slice(0, 3).join(", ");
    const more = entries.length > 3 ? `, and ${String(entries.length - 3)} more` : "";
    throw usageError(
      `${shown} exists and is not empty (it holds ${sample}${more})`,
      "choose a new or empty directory; nothing was written",
    );
  }
}
