import { describe, it } from "vitest";
import { plant } from "./support.js";
import { expectOnlyFinding, lineOf, project } from "./doctor-support.js";

describe("doctor on a Rust project with one weakening", () => {
  it("reports a Cargo [lints] level lowered", async () => {
    const dir = await project("rust", "lib");
    await plant(dir, "Cargo.toml", (old) =>
      old.replace('unwrap_used = "warn"', 'unwrap_used = "allow"'),
    );
    await expectOnlyFinding(dir, {
      id: "cargo-lint/clippy::unwrap_used",
      file: "Cargo.toml",
      line: await lineOf(dir, "Cargo.toml", "unwrap_used"),
      baseline: 'unwrap_used = "warn"',
      current: 'unwrap_used = "allow"',
    });
  });

  it("reports a crate-level #![allow] added", async () => {
    const dir = await project("rust", "cli");
    await plant(dir, "src/lib.rs", (old) => `#![allow(clippy::pedantic)]\n${old}`);
    await expectOnlyFinding(dir, {
      id: "rust/crate-allow/clippy::pedantic",
      file: "src/lib.rs",
      line: 1,
      baseline: "no crate-level allow",
      current: "#![allow(clippy::pedantic)]",
    });
  });

  it("reports the toolchain pin moved backwards", async () => {
    const dir = await project("rust", "lib");
    await plant(dir, "rust-toolchain.toml", (old) =>
      old.replace('channel = "1.95"', 'channel = "1.85"'),
    );
    await expectOnlyFinding(dir, {
      id: "pin/rust-toolchain",
      file: "rust-toolchain.toml",
      line: await lineOf(dir, "rust-toolchain.toml", "channel"),
      baseline: 'channel = "1.95"',
      current: 'channel = "1.85"',
    });
  });

  it("reports rustflags in .cargo/config.toml that allow lints", async () => {
    const dir = await project("rust", "cli");
    await plant(dir, ".cargo/config.toml", '[build]\nrustflags = ["-A", "clippy::pedantic"]\n');
    await expectOnlyFinding(dir, {
      id: "cargo/rustflags/build.rustflags",
      file: ".cargo/config.toml",
      line: 2,
      baseline: "no rustflags that allow lints",
      current: 'build.rustflags = ["-A","clippy::pedantic"]',
    });
  });
});

describe("doctor on a Go project with one weakening", () => {
  it("reports a golangci-lint linter disabled", async () => {
    const dir = await project("go", "cli");
    await plant(dir, ".golangci.yml", (old) =>
      old.replace("  disable:\n", "  disable:\n    - errcheck\n"),
    );
    await expectOnlyFinding(dir, {
      id: "golangci/disable/errcheck",
      file: ".golangci.yml",
      line: await lineOf(dir, ".golangci.yml", "- errcheck"),
      baseline: "enabled",
      current: "disabled (linters.disable has errcheck)",
    });
  });

  it("reports an exclusion rule added", async () => {
    const dir = await project("go", "lib");
    await plant(dir, ".golangci.yml", (old) =>
      old.replace(
        "          - goconst\n",
        "          - goconst\n      - path: internal/\n        linters:\n          - gosec\n",
      ),
    );
    await expectOnlyFinding(dir, {
      id: "golangci/exclusion/gosec:internal/",
      file: ".golangci.yml",
      line: await lineOf(dir, ".golangci.yml", "- path: internal/"),
      baseline: "not excluded",
      current: 'exclusion rule {"path":"internal/","linters":["gosec"]}',
    });
  });

  it("reports a linter setting loosened", async () => {
    const dir = await project("go", "cli");
    await plant(dir, ".golangci.yml", (old) =>
      old.replace("check-blank: true", "check-blank: false"),
    );
    await expectOnlyFinding(dir, {
      id: "golangci/linters.settings.errcheck.check-blank",
      file: ".golangci.yml",
      line: await lineOf(dir, ".golangci.yml", "check-blank"),
      baseline: "linters.settings.errcheck.check-blank: true",
      current: "linters.settings.errcheck.check-blank: false",
    });
  });

  it("reports the golangci-lint pin moved backwards", async () => {
    const dir = await project("go", "lib");
    await plant(dir, "scripts/golangci-lint", (old) =>
      old.replace('readonly version="2.15.0"', 'readonly version="2.9.0"'),
    );
    await expectOnlyFinding(dir, {
      id: "pin/golangci-lint",
      file: "scripts/golangci-lint",
      line: await lineOf(dir, "scripts/golangci-lint", "readonly version="),
      baseline: "golangci-lint 2.15.0",
      current: "golangci-lint 2.9.0",
    });
  });
});
