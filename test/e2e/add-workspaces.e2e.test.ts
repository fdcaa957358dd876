import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { lastLine, run, runBin } from "./support.js";
import { read, repoWith } from "./add-support.js";

const CARGO = '# our crates\n[workspace]\nresolver = "3"\nmembers = ["crates/core"] # just one\n';
const CORE = '[package]\nname = "core-lib"\nversion = "0.1.0"\nedition = "2024"\n';
const PYPROJECT =
  '# a uv project\n[project]\nname = "app"\nversion = "0.1.0"\nrequires-python = ">=3.12"\n';

describe("create-litclaude add beside other toolchains", () => {
  it("a Cargo workspace gains a Go service: Cargo.toml untouched, the combined gate green", async () => {
    const dir = await repoWith({
      "Cargo.toml": CARGO,
      "crates/core/Cargo.toml": CORE,
      "crates/core/src/lib.rs": "//! Core.\n",
    });
    const added = await runBin(["add", "go", "--dir", "services/api"], dir);
    expect(added.exitCode, added.output).toBe(0);
    expect(await read(dir, "Cargo.toml")).toBe(CARGO);
    const gate = await run(join(dir, "scripts/check"), [], dir);
    expect(lastLine(gate.output), gate.output).toBe("OK");
  }, 600_000);

  it("a Python uv project gains a Rust crate under --dir: pyproject untouched, the gate green", async () => {
    const dir = await repoWith({ "pyproject.toml": PYPROJECT, "app/__init__.py": "" });
    const added = await runBin(["add", "rust", "--dir", "ext/speedup", "--name", "speedup"], dir);
    expect(added.exitCode, added.output).toBe(0);
    expect(await read(dir, "pyproject.toml")).toBe(PYPROJECT);
    const gate = await run(join(dir, "scripts/check"), [], dir);
    expect(lastLine(gate.output), gate.output).toBe("OK");
    expect(gate.output).toContain("==> rust (ext/speedup/scripts/check)");
  }, 600_000);

  it("an npm workspace gains a TS package: tools hoisted to the root, its gate still finds them", async () => {
    const root = '{\n  "name": "mono",\n  "private": true,\n  "workspaces": ["packages/*"]\n}\n';
    const dir = await repoWith({ "package.json": root });
    const added = await runBin(["add", "ts", "--dir", "packages/lib", "--kind", "lib"], dir);
    expect(added.exitCode, added.output).toBe(0);
    const install = await run("npm", ["install", "--no-audit", "--no-fund"], dir);
    expect(install.exitCode, install.output).toBe(0);
    const gate = await run(join(dir, "scripts/check"), [], dir);
    expect(lastLine(gate.output), gate.output).toBe("OK");
    expect(gate.output).toContain("==> ts (packages/lib/scripts/check)");
  }, 600_000);
});
