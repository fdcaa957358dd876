import { chmodSync, cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The checker as content stores it: `_litclaude/` becomes `.litclaude/` when a project renders. */
export const filesTree = fileURLToPath(
  new URL("../../content/no-excuse/python/files", import.meta.url),
);

/** Copies the checker into root as a generated project holds it; returns its entry point. */
export function installChecker(root: string): string {
  cpSync(path.join(filesTree, "scripts"), path.join(root, "scripts"), { recursive: true });
  cpSync(path.join(filesTree, "_litclaude"), path.join(root, ".litclaude"), { recursive: true });
  return path.join(root, "scripts", "no-excuse");
}

/** One installed copy for tests that only need to run the checker on paths of their own. */
const home = mkdtempSync(path.join(tmpdir(), "no-excuse-py-home-"));
// Readable by everyone: one test runs the checker as another user.
chmodSync(home, 0o755);
export const checker = installChecker(home);
