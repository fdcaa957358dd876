import { mkdtempSync } from "node:fs";
import { readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { z } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { rustLanguage } from "../../src/lang/rust.js";
import type { ProjectKind } from "../../src/lang/types.js";
import {
  expectGateFailsAt,
  expectGateGreen,
  lastLine,
  pathExists,
  run,
  scaffold,
} from "./support.js";
import { violations } from "./rust-violations.js";
import { propertyCases, propertyParameters } from "./property-plan.js";

const SCAFFOLD_TIMEOUT = 300_000;
const GATE_TIMEOUT = 180_000;
const LIB_RS = join("src", "lib.rs");

// The projects of this file share one build cache (the checker's binary is keyed by its sources).
process.env["CARGO_TARGET_DIR"] ??= mkdtempSync(join(tmpdir(), "litclaude-rust-e2e-target-"));

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

    it(
      "stays green beside an editor's dangling lock-file symlink, as cargo does",
      async () => {
        const lock = join(dir, "src", ".#lib.rs");
        await symlink("someone@host.4242", lock);
        try {
          await expectGateGreen(dir);
        } finally {
          await rm(lock);
        }
      },
      GATE_TIMEOUT,
    );

    it("says what to install when the pinned toolchain is missing", async () => {
      const env = { RUSTUP_AUTO_INSTALL: "0" };
      const overridden = await run(join(dir, "scripts", "check"), [], dir, {
        ...env,
        RUSTUP_TOOLCHAIN: "1.93",
      });
      expect(overridden.output).toContain("rustup toolchain install 1.93");
      expect(lastLine(overridden.output)).toBe("FAILED: format");
      const pin = join(dir, "rust-toolchain.toml");
      const original = await readFile(pin, "utf8");
      await writeFile(pin, original.replace(/channel = ".*"/, 'channel = "1.93"'));
      try {
        const missing = await run(join(dir, "scripts", "check"), [], dir, env);
        expect(missing.output).toContain(
          "Rust 1.93, which rust-toolchain.toml pins, is not installed",
        );
        expect(missing.output).toContain("rustup toolchain install");
        expect(missing.output).not.toContain("Stack backtrace");
        expect(lastLine(missing.output)).toBe("FAILED: format");
        const checker = await run(join(dir, "scripts", "no-excuse"), [], dir, env);
        expect(checker.exitCode).toBe(2);
        expect(checker.stderr).toContain("run: rustup toolchain install");
      } finally {
        await writeFile(pin, original);
      }
    });

    it("keeps the checker out of the crate: not a workspace member, not packaged", async () => {
      const checker = join(dir, ".litclaude", "no-excuse", "rust", "Cargo.toml");
      expect(await pathExists(checker)).toBe(true);
      expect(await pathExists(join(dir, "tools"))).toBe(false);
      const metadata = await run("cargo", ["metadata", "--no-deps", "--format-version", "1"], dir);
      const { packages } = z
        .object({ packages: z.array(z.object({ name: z.string() })) })
        .parse(JSON.parse(metadata.stdout));
      expect(packages.map((p) => p.name)).toEqual([crateName]);
      const listed = await run("cargo", ["package", "--list", "--allow-dirty", "--no-verify"], dir);
      expect(listed.stdout).toContain("src/lib.rs");
      expect(listed.stdout).not.toContain(".litclaude");
      const manifest = await readFile(join(dir, "Cargo.toml"), "utf8");
      expect(manifest).toMatch(/^description = ".+"$/m);
      expect(manifest).toMatch(/^license = ".+"$/m);
    });

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
