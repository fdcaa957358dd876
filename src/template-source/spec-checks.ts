import { usageError } from "../core/errors.js";

// Besides control characters and spaces, what git refuses in a ref name (git check-ref-format).
const REF_FORBIDDEN = /[\s~^:?*[\\]/;

function hasControl(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * A ref must be one git would accept as a name, and never look like an option (`-u...`): it ends
 * up as an argument of git commands.
 */
export function checkRefName(spec: string, ref: string): void {
  const problem =
    ref === ""
      ? "is empty"
      : ref.startsWith("-") || ref.startsWith("/")
        ? "starts with - or /"
        : REF_FORBIDDEN.test(ref) ||
            hasControl(ref) ||
            ref.includes("..") ||
            ref.includes("@{") ||
            ref.includes("//")
          ? "holds a character or sequence git refuses in a ref"
          : ref.endsWith("/") || ref.endsWith(".") || ref.endsWith(".lock")
            ? "ends with /, . or .lock"
            : undefined;
  if (problem !== undefined) {
    throw usageError(
      `--template ${spec}: the ref after # ${problem}`,
      "name a branch, a tag or a full commit after #, as in gh:org/repo#v1.2.0",
    );
  }
}

/** A subfolder inside the repository: relative, no `.`/`..` steps, no backslashes. */
export function checkSubdir(spec: string, subdir: string): string {
  const trimmed = subdir.replace(/\/+$/, "");
  const parts = trimmed.split("/");
  const bad =
    trimmed === "" ||
    hasControl(trimmed) ||
    trimmed.includes("\\") ||
    parts.some((part) => part === "" || part === "." || part === "..");
  if (bad) {
    throw usageError(
      `--template ${spec}: "${subdir}" is not a subfolder of the repository`,
      "name the template's folder inside the repository with plain names separated by /, no . or ..",
    );
  }
  return trimmed;
}
