import type { LanguageModule, NameInput, NameResult, ProjectKind } from "./types.js";
import { checkName } from "./name-rules.js";

/**
 * The oldest compiler generated crates promise to build with (`rust-version`): the first release
 * with edition 2024. The toolchain they are checked with is pinned in their rust-toolchain.toml.
 */
const RUST_FLOOR = "1.85";

/** The Rust package registry's limit on the length of a crate name. */
const MAX_LENGTH = 64;

/** Strict and reserved keywords of every edition up to 2024: none can name a crate. */
const KEYWORDS: ReadonlySet<string> = new Set(
  (
    "as async await break const continue crate dyn else enum extern false fn for if impl in let " +
    "loop match mod move mut pub ref return self Self static struct super trait true type unsafe " +
    "use where while abstract become box do final gen macro override priv try typeof unsized " +
    "virtual yield"
  ).split(" "),
);

/** The crates that ship with the compiler: a crate of the same name would shadow one of them. */
const SYSROOT_CRATES: ReadonlySet<string> = new Set(["std", "core", "alloc", "test", "proc_macro"]);

/** Folder names inside target/ that a binary of the same name would collide with. */
const CARGO_ARTIFACT_DIRS: ReadonlySet<string> = new Set([
  "deps",
  "examples",
  "build",
  "incremental",
]);

/** File names Windows reserves, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/** The identifier code refers to the crate by: Cargo turns every '-' into '_'. */
function identOf(crateName: string): string {
  return crateName.replaceAll("-", "_");
}

/** The rule the name breaks, or undefined when it makes a crate that builds and passes its gate. */
function brokenRule(name: string): string | undefined {
  if (name.length === 0) return "a Rust crate name must not be empty";
  if (name.length > MAX_LENGTH) {
    return `a Rust crate name is at most ${String(MAX_LENGTH)} characters long (the package registry's limit)`;
  }
  if (!/^[A-Za-z0-9_-]+$/.test(name)) {
    return "a Rust crate name holds only ASCII letters, digits, '-' and '_'";
  }
  if (!/^[A-Za-z]/.test(name)) return "a Rust crate name starts with an ASCII letter";
  if (name !== name.toLowerCase()) {
    return "a Rust crate name must be lowercase (rustc warns about crate names that are not snake case)";
  }
  if (/[-_]{2}/.test(name)) {
    return "a Rust crate name must not have two '-' or '_' in a row (rustc warns that it is not snake case)";
  }
  const ident = identOf(name);
  if (KEYWORDS.has(ident))
    return `"${ident}" is a Rust keyword, so code could not refer to the crate`;
  if (SYSROOT_CRATES.has(ident)) {
    return `"${ident}" is the name of a crate that ships with Rust, which this one would shadow`;
  }
  if (CARGO_ARTIFACT_DIRS.has(name)) {
    return `"${name}" is a folder Cargo keeps in target/, which the binary would collide with`;
  }
  if (WINDOWS_RESERVED.test(name)) return `"${name}" is a file name Windows reserves`;
  return undefined;
}

function suggest(name: string, kind: ProjectKind): string | undefined {
  const clean = (text: string): string =>
    text
      .replace(/[^a-z0-9_-]+/g, "-")
      .replace(/[-_]{2,}/g, (run) => run.charAt(0))
      .replace(/^[^a-z]+/, "")
      .replace(/[-_]+$/, "");
  let candidate = clean(name.trim().toLowerCase()).slice(0, MAX_LENGTH);
  candidate = clean(candidate);
  if (candidate === "") return undefined;
  if (brokenRule(candidate) !== undefined) {
    candidate = `${clean(candidate.slice(0, MAX_LENGTH - kind.length - 1))}-${kind}`;
  }
  return brokenRule(candidate) === undefined && candidate !== name ? candidate : undefined;
}

function templateVars(input: NameInput): NameResult {
  return checkName(input, { brokenRule, suggest }, (name) => ({
    crateName: name,
    crateIdent: identOf(name),
    // Cargo names the binary built from src/main.rs after the package.
    binName: name,
    rustVersion: RUST_FLOOR,
  }));
}

export const rustLanguage: LanguageModule = {
  id: "rust",
  label: "Rust",
  templateVars,
  // Generated crates have no dependencies, so this proves Cargo.lock is current; rustup also
  // installs the toolchain rust-toolchain.toml pins when it is missing (unless auto-install is off).
  installCommand: () => ({ cmd: "cargo", args: ["fetch", "--locked"] }),
};
