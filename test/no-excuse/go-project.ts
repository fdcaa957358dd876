import { renameSync } from "node:fs";
import path from "node:path";
import { makeProject } from "./native-harness.js";

/**
 * makeProject for Go, with the checker's source where the renderer puts it: the content folder
 * stores `.litclaude/` as `_litclaude/`.
 */
export function makeGoProject(): string {
  const dir = makeProject("go");
  renameSync(path.join(dir, "_litclaude"), path.join(dir, ".litclaude"));
  return dir;
}
