import { execFileSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, tempDir } from "../e2e/support.js";
import { makeGoProject } from "./go-project.js";
import { check, repoRoot } from "./native-harness.js";

/** What the go command says about the toolchain here. */
function goEnv(...names: string[]): string[] {
  return execFileSync("go", ["env", ...names], { encoding: "utf8" })
    .trim()
    .split("\n");
}

const [goVersion = "", goos = "", goarch = "", goCache = "", goPath = ""] = goEnv(
  "GOVERSION",
  "GOOS",
  "GOARCH",
  "GOCACHE",
  "GOPATH",
);
const platform = `${goVersion}-${goos}-${goarch}`;
const daysAgo = (days: number): Date => new Date(Date.now() - days * 86_400_000);

let dir = "";
let scratch = "";

beforeAll(async () => {
  dir = makeGoProject();
  scratch = await tempDir("no-excuse-go-scripts-");
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

describe("scripts/no-excuse (Go)", () => {
  it("keys the cached checker by Go release and platform, and clears binaries long unused", async () => {
    const cache = path.join(scratch, "cache");
    const folder = path.join(cache, "litclaude", "no-excuse-go");
    mkdirSync(folder, { recursive: true });
    for (const [name, age] of [
      ["no-excuse-1234-5678", 40],
      ["no-excuse-go1.25.0-linux-amd64-1-2", 2],
    ] as const) {
      writeFileSync(path.join(folder, name), "#!/bin/sh\n");
      utimesSync(path.join(folder, name), daysAgo(age), daysAgo(age));
    }
    const result = await check(dir, ["clean/clean.go"], {
      XDG_CACHE_HOME: cache,
      GOCACHE: goCache,
    });
    expect(result.exitCode, result.output).toBe(0);
    const names = readdirSync(folder).sort();
    expect(names).toHaveLength(2);
    expect(names[0]).toBe("no-excuse-go1.25.0-linux-amd64-1-2");
    expect(names[1]?.startsWith(`no-excuse-${platform}-`)).toBe(true);
  });

  it("without HOME or XDG_CACHE_HOME builds into a private folder, never /tmp/.cache", async () => {
    const shared = "/tmp/.cache/litclaude/no-excuse-go";
    const before = existsSync(shared) ? readdirSync(shared) : [];
    const result = await check(dir, ["nopanic/flag.go"], {
      HOME: "",
      XDG_CACHE_HOME: "",
      GOCACHE: goCache,
      GOPATH: goPath,
    });
    expect(result.stdout).toContain("nopanic/flag.go:7:3 no-panic");
    expect(result.exitCode).toBe(1);
    expect(existsSync(shared) ? readdirSync(shared) : []).toEqual(before);
  });
});

describe("scripts/golangci-lint (Go)", () => {
  let project = "";
  let fakeBin = "";

  beforeAll(() => {
    project = path.join(scratch, "lint");
    mkdirSync(path.join(project, "scripts"), { recursive: true });
    cpSync(
      path.join(repoRoot, "templates/go/common/scripts/golangci-lint"),
      path.join(project, "scripts", "golangci-lint"),
    );
    chmodSync(path.join(project, "scripts", "golangci-lint"), 0o755);
    // A `go` that claims every program was built by an old release, as a golangci-lint
    // installed before a toolchain upgrade would be.
    fakeBin = path.join(scratch, "fake-go");
    mkdirSync(fakeBin);
    const realGo = execFileSync("sh", ["-c", "command -v go"], { encoding: "utf8" }).trim();
    writeFileSync(
      path.join(fakeBin, "go"),
      `#!/bin/sh\nif [ "$1" = version ] && [ -n "$2" ]; then echo "$2: go1.20.1"; exit 0; fi\nexec ${realGo} "$@"\n`,
    );
    chmodSync(path.join(fakeBin, "go"), 0o755);
  });

  const lint = (env: Readonly<Record<string, string>>) =>
    run(path.join(project, "scripts", "golangci-lint"), ["version", "--short"], project, env);

  it("uses the golangci-lint on PATH when its version and Go release fit", async () => {
    const result = await lint({ XDG_CACHE_HOME: path.join(scratch, "unused-cache") });
    expect(result.stdout).toBe("2.15.0\n");
    expect(result.stderr).toBe("");
    expect(existsSync(path.join(scratch, "unused-cache", "litclaude"))).toBe(false);
  });

  it("passes over one built by an older Go for its own build, keyed by release, clearing old ones", async () => {
    const cache = path.join(scratch, "lint-cache");
    const builds = path.join(cache, "litclaude", "golangci-lint");
    const own = path.join(builds, `v2.15.0-${platform}`);
    mkdirSync(own, { recursive: true });
    writeFileSync(path.join(own, "golangci-lint"), "#!/bin/sh\necho cached build\n");
    chmodSync(path.join(own, "golangci-lint"), 0o755);
    const stale = path.join(builds, "v2.14.0-go1.25.3-linux-amd64");
    mkdirSync(stale);
    utimesSync(stale, daysAgo(40), daysAgo(40));
    const result = await lint({
      PATH: `${fakeBin}:${process.env["PATH"] ?? ""}`,
      XDG_CACHE_HOME: cache,
      GOCACHE: goCache,
    });
    expect(result.stdout).toBe("cached build\n");
    expect(result.stderr).toContain("built with go1.20.1");
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(own)).toBe(true);
  });

  it("refuses clearly, without building under /tmp, when neither HOME nor XDG_CACHE_HOME is set", async () => {
    const result = await lint({
      PATH: `${fakeBin}:${process.env["PATH"] ?? ""}`,
      HOME: "",
      XDG_CACHE_HOME: "",
      GOCACHE: goCache,
      GOPATH: goPath,
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("neither HOME nor XDG_CACHE_HOME");
  });
});
