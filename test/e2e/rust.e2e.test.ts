import { readFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { rustLanguage } from "../../src/lang/rust.js";
import type { ProjectKind } from "../../src/lang/types.js";
import { expectGateFailsAt, expectGateGreen, pathExists, run, scaffold } from "./support.js";
import { propertyCases, propertyParameters } from "./property-plan.js";

const SCAFFOLD_TIMEOUT = 300_000;
const GATE_TIMEOUT = 180_000;
const LIB_RS = join("src", "lib.rs");

interface Violation {
  readonly step: "format" | "lint" | "types" | "no-excuse" | "tests";
  readonly what: string;
  /** Appended to src/lib.rs, which is restored afterwards. */
  readonly code: string;
  /** Text in the gate's output that shows it failed for this reason and not another. */
  readonly reason: string;
}

const violations: readonly Violation[] = [
  {
    step: "format",
    what: "badly spaced code",
    code: "\n/// Planted.\npub fn  planted( ) {}\n",
    reason: "Diff in",
  },
  {
    step: "lint",
    what: "an unwrap in library code",
    code: [
      "",
      "/// Planted.",
      "///",
      "/// # Panics",
      "///",
      "/// When `values` is empty.",
      "pub fn planted(values: &[u8]) -> u8 {",
      "    values.first().copied().unwrap()",
      "}",
      "",
    ].join("\n"),
    reason: "unwrap_used",
  },
  {
    step: "lint",
    what: "an #[allow] without a reason",
    code: [
      "",
      "/// Planted.",
      "#[allow(clippy::needless_return)]",
      "pub fn planted() -> u8 {",
      "    return 1;",
      "}",
      "",
    ].join("\n"),
    reason: "`allow` attribute without specifying a reason",
  },
  {
    step: "lint",
    what: "an `as` cast",
    code: "\n/// Planted.\npub fn planted(value: u64) -> u8 {\n    value as u8\n}\n",
    reason: "as_conversions",
  },
  {
    // unsafe_code is forbid, which also makes plain `cargo check` fail: still a lint, not types.
    step: "lint",
    what: "an unsafe block",
    code: [
      "",
      "/// Planted.",
      "pub fn planted(values: &[u8]) -> u8 {",
      "    // SAFETY: none; this is planted.",
      "    unsafe { *values.as_ptr() }",
      "}",
      "",
    ].join("\n"),
    reason: "usage of an `unsafe` block",
  },
  {
    step: "types",
    what: "a value of the wrong type",
    code: '\n/// Planted.\npub const PLANTED: u32 = "one";\n',
    reason: "mismatched types",
  },
  {
    step: "no-excuse",
    what: "an opt-out without a reason",
    code: "\n/// Planted.\npub const PLANTED: u8 = 1; // no-excuse-ok: no-numeric-cast\n",
    reason: "opt-out-needs-reason",
  },
  {
    step: "tests",
    what: "a failing test",
    code: [
      "",
      "#[cfg(test)]",
      "mod planted {",
      "    #[test]",
      "    fn planted_failure() {",
      '        assert_eq!(crate::parse_duration("1m").map(crate::Seconds::get), Ok(61));',
      "    }",
      "}",
      "",
    ].join("\n"),
    reason: "planted_failure",
  },
];

function crateNameOf(name: string, kind: ProjectKind): string {
  const result = rustLanguage.templateVars({ name, kind, module: undefined });
  if (!result.ok) throw new Error(`"${name}" is not a valid Rust crate name`);
  return result.vars["crateName"] ?? "";
}

for (const kind of ["cli", "lib"] as const) {
  describe(`rust ${kind} project`, () => {
    let dir = "";
    // support.ts scaffolds into a folder named demo-<kind>, and the project takes its name from it.
    const crateName = crateNameOf(`demo-${kind}`, kind);

    beforeAll(async () => {
      ({ dir } = await scaffold("rust", kind));
    }, SCAFFOLD_TIMEOUT);

    it(
      "passes its own gate",
      async () => {
        await expectGateGreen(dir);
      },
      GATE_TIMEOUT,
    );

    it(
      kind === "cli" ? "builds a working command" : "is a library with no command",
      async () => {
        const manifest = await readFile(join(dir, "Cargo.toml"), "utf8");
        expect(manifest).toContain(`name = "${crateName}"`);
        if (kind === "cli") {
          const ok = await run("cargo", ["run", "--quiet", "--locked", "--", "90s", "2h"], dir);
          expect(ok.output).toBe("90s = 90s\n2h = 7200s\n");
          const bad = await run("cargo", ["run", "--quiet", "--locked", "--", "5"], dir);
          expect(bad.exitCode).toBe(2);
          expect(bad.output).toContain("5: the duration has no unit");
        } else {
          expect(await pathExists(join(dir, "src", "main.rs"))).toBe(false);
          expect(await pathExists(join(dir, "tests", "api.rs"))).toBe(true);
        }
      },
      GATE_TIMEOUT,
    );

    it.each(violations)(
      "fails at $step when $what is planted",
      async ({ step, code, reason }) => {
        await expectGateFailsAt(dir, { path: LIB_RS, content: (old) => old + code, step, reason });
      },
      GATE_TIMEOUT,
    );
  });
}

describe("rust projects named by any accepted name", () => {
  const acceptedName = fc
    .stringMatching(/^[a-z][a-z0-9_-]{0,20}$/)
    .filter((name) => rustLanguage.templateVars({ name, kind: "cli", module: undefined }).ok);

  it(
    "pass their gate",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          acceptedName,
          fc.constantFrom<ProjectKind>("cli", "lib"),
          async (name, kind) => {
            const { dir } = await scaffold("rust", kind, ["--name", name]);
            await expectGateGreen(dir);
          },
        ),
        propertyParameters("rust"),
      );
    },
    (propertyCases("rust") + 1) * (SCAFFOLD_TIMEOUT + GATE_TIMEOUT),
  );
});
