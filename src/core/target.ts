import { stat } from "node:fs/promises";
import { join } from "node:path";
import { ANSWERS_PATH } from "./answers.js";
import { usageError } from "./errors.js";
import { fileExists } from "./fs-probe.js";
import { JOURNAL_PATH } from "./journal.js";

/**
 * `create` goes into a new folder or an existing one (its files are planned against), but not
 * onto a file, and not into a project create-litclaude already made: that is `add`'s and
 * `update`'s work. A folder whose last run was interrupted is recovered, not refused.
 */
export async function assertTargetAccepts(targetDir: string, shown: string): Promise<void> {
  const info = await stat(targetDir).catch(() => undefined);
  if (info === undefined) return;
  if (!info.isDirectory()) {
    throw usageError(`${shown} exists and is not a folder`, "choose another project directory");
  }
  const made = await fileExists(join(targetDir, ANSWERS_PATH));
  if (made && !(await fileExists(join(targetDir, JOURNAL_PATH)))) {
    throw usageError(
      `${shown} already holds a create-litclaude project (${ANSWERS_PATH})`,
      "choose another directory; nothing was written",
    );
  }
}
