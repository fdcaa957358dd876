// The toolchains' own name checks, used as judges by the name properties: a property that only
// restates the generator's regex would pass whatever the language module did.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

type NpmNameCheck = (name: string) => { readonly validForNewPackages: boolean };

function isNpmNameCheck(value: unknown): value is NpmNameCheck {
  return typeof value === "function";
}

let npmCheck: NpmNameCheck | undefined;

/** npm's own name check (the copy npm itself ships and `npm init` uses), for new packages. */
export function npmAcceptsNewPackage(name: string): boolean {
  if (npmCheck === undefined) {
    const globalRoot = execFileSync("npm", ["root", "-g"], { encoding: "utf8" }).trim();
    const loaded: unknown = createRequire(import.meta.url)(
      join(globalRoot, "npm", "node_modules", "validate-npm-package-name"),
    );
    if (!isNpmNameCheck(loaded))
      throw new Error("npm's validate-npm-package-name is not a function");
    npmCheck = loaded;
  }
  const verdict: unknown = npmCheck(name);
  return (
    typeof verdict === "object" &&
    verdict !== null &&
    "validForNewPackages" in verdict &&
    verdict.validForNewPackages === true
  );
}

export interface CargoVerdict {
  /** cargo created the package without an error or a warning about its name. */
  readonly accepted: boolean;
  /** The library target's name cargo derives (what `use` names), when accepted. */
  readonly libTarget: string | undefined;
  readonly output: string;
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && key in value
    ? Object.entries(value).find(([name]) => name === key)?.[1]
    : undefined;
}

/** The name of the first package's lib target in `cargo metadata` output. */
function libTargetName(metadata: unknown): string | undefined {
  const packages = field(metadata, "packages");
  const targets = Array.isArray(packages) ? field(packages[0], "targets") : undefined;
  if (!Array.isArray(targets)) return undefined;
  for (const target of targets) {
    const kind = field(target, "kind");
    const name = field(target, "name");
    if (Array.isArray(kind) && kind.includes("lib") && typeof name === "string") return name;
  }
  return undefined;
}

/** `cargo new --lib --name <name>` in a scratch folder, then the lib target name cargo gives it. */
export function cargoJudge(name: string): CargoVerdict {
  const scratch = mkdtempSync(join(tmpdir(), "cargo-judge-"));
  try {
    const created = spawnSync(
      "cargo",
      ["new", "--lib", "--vcs", "none", "--offline", "--name", name, join(scratch, "crate")],
      { encoding: "utf8" },
    );
    if (created.error !== undefined) throw created.error;
    const output = `${created.stdout}${created.stderr}`;
    if (created.status !== 0 || /^warning:/m.test(output)) {
      return { accepted: false, libTarget: undefined, output };
    }
    const metadata = execFileSync(
      "cargo",
      ["metadata", "--no-deps", "--offline", "--format-version", "1"],
      { cwd: join(scratch, "crate"), encoding: "utf8" },
    );
    return { accepted: true, libTarget: libTargetName(JSON.parse(metadata)), output };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
