import { describe, expect, it } from "vitest";
import { parseFlags } from "../../src/cli/args.js";
import {
  assertNoConflicts,
  equivalentCommand,
  resolveCreateOptions,
} from "../../src/cli/resolve.js";
import { readFileSync } from "node:fs";
import { HELP } from "../../src/cli/help.js";
import { LANGUAGE_ALIASES, parseLanguage } from "../../src/cli/lang-names.js";
import { targetPath } from "../../src/cli/project-dir.js";
import { LitError } from "../../src/core/errors.js";

const context = { cwd: "/work/here", packageManager: "npm" } as const;

function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (error: unknown) {
    if (error instanceof LitError && error.kind === "usage") return error.message;
    throw error;
  }
  throw new Error("expected a usage error");
}

describe("parseFlags", () => {
  it("reads the directory, values and negations", () => {
    const flags = parseFlags(["app", "--lang", "ts", "--kind=lib", "--no-git", "-y"]);
    expect(flags.positionals).toEqual(["app"]);
    expect(flags.lang).toBe("ts");
    expect(flags.kind).toBe("lib");
    expect(flags.git).toBe(false);
    expect(flags.install).toBeUndefined();
    expect(flags.yes).toBe(true);
  });

  it("rejects an unknown flag by name", () => {
    expect(usageMessage(() => parseFlags(["--colour"]))).toBe("unknown flag --colour");
  });

  it("rejects a negation of a flag that has none", () => {
    expect(usageMessage(() => parseFlags(["--no-verify"]))).toBe("unknown flag --no-verify");
  });

  it("rejects a flag and its negation together", () => {
    expect(usageMessage(() => parseFlags(["--git", "--no-git"]))).toBe(
      "conflicting flags --git and --no-git",
    );
  });

  it("rejects a missing value", () => {
    expect(usageMessage(() => parseFlags(["--lang"]))).toContain("--lang");
  });

  it.each([
    [["--lang", "ts", "--lang", "go"], "--lang is given twice (ts, then go)"],
    [["--name=a", "--name", "a"], "--name is given twice (a, then a)"],
    [["--marketplace", "./m", "--marketplace=./n"], "--marketplace is given twice (./m, then ./n)"],
  ])("rejects a value flag given twice: %j", (argv, message) => {
    expect(usageMessage(() => parseFlags(argv))).toBe(message);
  });

  it("lets a switch repeat: it says the same thing twice", () => {
    expect(parseFlags(["--yes", "-y", "--git", "--git"])).toMatchObject({ yes: true, git: true });
  });

  it.each([[["--name", ""]], [["--module="]], [["--kind", "  "]]])(
    "rejects an empty value: %j",
    (argv) => {
      expect(usageMessage(() => parseFlags(argv))).toMatch(/^--\w+ is empty$/);
    },
  );
});

describe("assertNoConflicts", () => {
  it.each([
    [["a", "b"], "expected one project directory"],
    [["--plugin", "none", "--marketplace", "x"], "--marketplace only applies"],
    [["--dry-run", "--verify"], "--dry-run writes nothing"],
    [["--verify", "--no-install"], "--verify runs the gate"],
    [["--lang", "java"], 'unknown language "java"'],
    [["--kind", "app"], 'unknown kind "app"'],
    [["--plugin", "copy"], 'unknown plugin mode "copy"'],
    [[""], "the project directory is empty"],
    [[" app"], "starts or ends with a space"],
    [["~bob/app"], "~bob names another user's home folder"],
    [["--lang", "ts", "--module", "a.dev/x"], "it does not apply to --lang ts"],
    [["--lang", "python3", "--module", "a.dev/x"], "it does not apply to --lang python"],
  ])("%j is a usage error", (argv, message) => {
    expect(
      usageMessage(() => {
        assertNoConflicts(parseFlags(argv));
      }),
    ).toContain(message);
  });
});

describe("resolveCreateOptions", () => {
  it("fills defaults: name from the folder, cli, vendored plugin, git and install on", () => {
    const options = resolveCreateOptions(parseFlags(["apps/demo", "--lang", "go"]), {}, context);
    expect(options).toMatchObject({
      targetDir: "/work/here/apps/demo",
      name: "demo",
      lang: "go",
      kind: "cli",
      plugin: "vendor",
      git: true,
      install: true,
      verify: false,
    });
  });

  it("takes the folder from a scoped --name", () => {
    const options = resolveCreateOptions(
      parseFlags(["--name", "@team/tool", "--lang", "ts"]),
      {},
      context,
    );
    expect(options.targetDir).toBe("/work/here/tool");
    expect(options.name).toBe("@team/tool");
  });

  it("lets flags win over answers", () => {
    const options = resolveCreateOptions(
      parseFlags(["x", "--lang", "rust", "--no-git"]),
      { lang: "go", git: true },
      context,
    );
    expect(options.lang).toBe("rust");
    expect(options.git).toBe(false);
  });

  it("implies marketplace mode from --marketplace", () => {
    const options = resolveCreateOptions(
      parseFlags(["x", "--lang", "ts", "--marketplace", "./m"]),
      {},
      context,
    );
    expect(options.plugin).toBe("marketplace");
  });

  it("names the flag for a missing answer", () => {
    expect(usageMessage(() => resolveCreateOptions(parseFlags(["x"]), {}, context))).toBe(
      "missing --lang",
    );
    expect(
      usageMessage(() => resolveCreateOptions(parseFlags(["--lang", "ts"]), {}, context)),
    ).toBe("missing the project directory");
  });

  it("prints a non-interactive equivalent that parses back to the same options", () => {
    const options = resolveCreateOptions(
      parseFlags(["demo"]),
      { lang: "python", kind: "lib", name: "demo-lib", git: false, install: true },
      context,
    );
    const line = equivalentCommand(options, "demo");
    expect(line).toBe(
      "npx create-litclaude demo --lang python --kind lib --name demo-lib --no-git --yes",
    );
    const again = resolveCreateOptions(parseFlags(line.split(" ").slice(2)), {}, context);
    expect(again).toEqual(options);
  });
});

describe("--lang names", () => {
  it.each(Object.entries(LANGUAGE_ALIASES))("takes the alias %s for %s", (alias, id) => {
    expect(parseLanguage(alias)).toBe(id);
    expect(resolveCreateOptions(parseFlags(["x", "--lang", alias]), {}, context).lang).toBe(id);
  });

  it.each([
    ["TS", "ts"],
    ["pyhton", "python"],
    ["golnag", "go"],
    ["Rust", "rust"],
    ["typescirpt", "ts"],
  ])("suggests a language for the near miss %s", (typed, meant) => {
    const hint = (() => {
      try {
        parseLanguage(typed);
      } catch (error: unknown) {
        if (error instanceof LitError) return error.hint;
      }
      return undefined;
    })();
    expect(hint).toMatch(new RegExp(`^did you mean --lang ${meant}\\? `));
  });

  it("suggests nothing for a language that is not near any", () => {
    expect(() => parseLanguage("cobol")).toThrow(LitError);
    try {
      parseLanguage("cobol");
    } catch (error: unknown) {
      expect(error instanceof LitError ? error.hint : "").toBe(
        "--lang takes one of: go, python, rust, ts (or typescript, py, python3, golang, rs)",
      );
    }
  });

  it("lists every alias in --help and in the README's flags table", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const langRow = readme.split("\n").find((line) => line.startsWith("| `--lang"));
    for (const alias of Object.keys(LANGUAGE_ALIASES)) {
      expect(HELP).toMatch(new RegExp(`\\b${alias}\\b`));
      expect(langRow).toContain(`\`${alias}\``);
    }
  });
});

describe("targetPath", () => {
  it.each([
    ["~", "/home/me"],
    ["~/", "/home/me"],
    ["~/a/b", "/home/me/a/b"],
    ["./~", "/work/here/~"],
    ["a~b", "/work/here/a~b"],
    ["/abs/x", "/abs/x"],
  ])("reads %s as a shell would", (typed, expected) => {
    expect(targetPath(typed, "/work/here", "/home/me")).toBe(expected);
  });
});
