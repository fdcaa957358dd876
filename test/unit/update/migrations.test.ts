import { describe, expect, it } from "vitest";
import {
  pendingMigrations,
  runSteps,
  underEachFolder,
  type FileSet,
  type Migration,
} from "../../../src/update/migrations.js";
import { withChangedAnswers } from "../../../src/update/answers-io.js";
import { compareVersions } from "../../../src/update/versions.js";
import type { Answers } from "../../../src/core/answers.js";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (files: FileSet, path: string): string | undefined => {
  const file = files.get(path);
  return file === undefined ? undefined : new TextDecoder().decode(file.content);
};

describe("migrations", () => {
  it("rename moves a file, content and all; move-setting moves a JSON value to its new key", () => {
    const files: FileSet = new Map([
      ["Taskfile.yml", { content: bytes("mine\n"), executable: false }],
      [
        "package.json",
        { content: bytes('{\n  "a": { "b": 1 },\n  "c": {}\n}\n'), executable: false },
      ],
    ]);
    runSteps(files, [
      { rename: { from: "Taskfile.yml", to: "Taskfile.yaml" } },
      { moveSetting: { file: "package.json", from: ["a", "b"], to: ["c", "d"] } },
    ]);
    expect(text(files, "Taskfile.yml")).toBeUndefined();
    expect(text(files, "Taskfile.yaml")).toBe("mine\n");
    expect(JSON.parse(text(files, "package.json") ?? "")).toEqual({ a: {}, c: { d: 1 } });
  });

  it("a rename onto a file that exists, or of one that does not, does nothing", () => {
    const files: FileSet = new Map([
      ["a", { content: bytes("1"), executable: false }],
      ["b", { content: bytes("2"), executable: false }],
    ]);
    runSteps(files, [{ rename: { from: "a", to: "b" } }, { rename: { from: "x", to: "y" } }]);
    expect([...files.keys()]).toEqual(["a", "b"]);
  });

  it("runs each migration once, and none beyond the target version", () => {
    const all: Migration[] = [
      { id: "one", version: "0.2.0", steps: [] },
      { id: "two", version: "0.3.0", steps: [] },
      { id: "three", version: "0.4.0", steps: [] },
    ];
    expect(pendingMigrations(all, ["one"], "0.3.0").map((m) => m.id)).toEqual(["two"]);
  });

  it("repeats steps under every folder add put a language in", () => {
    const answers: Answers = {
      generator: "create-litclaude",
      version: "0.1.0",
      languages: [
        {
          lang: "go",
          dir: "svc",
          kind: "lib",
          version: "0.1.0",
          answers: { name: "svc", lang: "go", kind: "lib", plugin: "vendor" },
          regions: [],
        },
      ],
    };
    expect(underEachFolder([{ rename: { from: "a", to: "b" } }], answers)).toEqual([
      { rename: { from: "a", to: "b" } },
      { rename: { from: "svc/a", to: "svc/b" } },
    ]);
  });
});

describe("versions and answers", () => {
  it("orders versions numerically, a pre-release before its release", () => {
    expect(compareVersions("0.10.0", "0.9.1")).toBeGreaterThan(0);
    expect(compareVersions("1.0.0-rc.1", "1.0.0")).toBeLessThan(0);
    expect(compareVersions("v1.2.3", "1.2.3")).toBe(0);
  });

  it("--answer changes the created project's answer, or a language's with its prefix", () => {
    const answers: Answers = {
      generator: "create-litclaude",
      version: "0.1.0",
      answers: { name: "app", lang: "ts", kind: "cli", plugin: "vendor" },
    };
    expect(withChangedAnswers(answers, ["plugin=none"]).answers?.plugin).toBe("none");
    expect(() => withChangedAnswers(answers, ["kind=app"])).toThrow(/kind is one of cli, lib/);
    expect(() => withChangedAnswers(answers, ["nokey"])).toThrow(/expected key=value/);
  });
});
