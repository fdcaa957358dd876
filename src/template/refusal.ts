import { LitError } from "../core/errors.js";

/** A team template refused as unsafe: exit 2, the offending path named, nothing written. */
export function refuse(path: string, problem: string, file?: string): LitError {
  return new LitError("usage", `template refused: ${path}: ${problem}`, {
    hint: "team templates are untrusted input: fix the template (create-litclaude template check shows this too); nothing was written",
    ...(file === undefined ? {} : { location: { file } }),
  });
}
