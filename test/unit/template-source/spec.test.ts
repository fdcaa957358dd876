import { describe, expect, test } from "vitest";
import { LitError } from "../../../src/core/errors.js";
import { parseTemplateSpec } from "../../../src/template-source/spec.js";

function usageFailure(spec: string): LitError {
  try {
    parseTemplateSpec(spec);
  } catch (error: unknown) {
    if (error instanceof LitError) return error;
    throw error;
  }
  throw new Error(`${spec} was accepted`);
}

describe("forge sources", () => {
  test("gh:org/repo with a subfolder and a ref", () => {
    expect(parseTemplateSpec("gh:acme/starter/teams/web#v1.2.0")).toEqual({
      kind: "gh",
      owner: "acme",
      repo: "starter",
      subdir: "teams/web",
      ref: "v1.2.0",
      repoId: "gh:acme/starter",
      source: "gh:acme/starter/teams/web",
    });
  });

  test("github: is gh:, a trailing .git and slash are dropped", () => {
    const spec = parseTemplateSpec("github:acme/starter.git/");
    expect(spec).toMatchObject({
      kind: "gh",
      repo: "starter",
      subdir: undefined,
      source: "gh:acme/starter",
    });
  });

  test.each([
    ["gitlab:group/proj#main", "gitlab", "gitlab:group/proj"],
    ["bitbucket:team/repo/sub", "bitbucket", "bitbucket:team/repo/sub"],
  ])("%s", (spec, kind, source) => {
    expect(parseTemplateSpec(spec)).toMatchObject({ kind, source });
  });

  test.each(["gh:acme", "gh:/starter", "gh:ac me/starter", "gh:../x"])(
    "%s is a usage error",
    (spec) => {
      const error = usageFailure(spec);
      expect(error.exitCode).toBe(2);
      expect(error.hint).toContain("org/repo");
    },
  );
});

describe("git URLs", () => {
  test.each([
    [
      "https://Git.Example.com/team/starter.git",
      "https://git.example.com/team/starter.git",
      undefined,
      undefined,
    ],
    [
      "https://git.example.com/team/starter.git//templates/api#v2",
      "https://git.example.com/team/starter.git",
      "templates/api",
      "v2",
    ],
    [
      "ssh://git@git.example.com/team/starter.git#main",
      "ssh://git@git.example.com/team/starter.git",
      undefined,
      "main",
    ],
    ["git@github.com:acme/starter.git//web", "git@github.com:acme/starter.git", "web", undefined],
    ["git://127.0.0.1:9418/starter.git", "git://127.0.0.1:9418/starter.git", undefined, undefined],
    [
      "file:///srv/git/starter.git//sub/dir#0123abc",
      "file:///srv/git/starter.git",
      "sub/dir",
      "0123abc",
    ],
  ])("%s", (spec, url, subdir, ref) => {
    const parsed = parseTemplateSpec(spec);
    expect(parsed).toMatchObject({ kind: "git", url, subdir, ref });
    if (parsed.kind === "git") {
      expect(parsed.source).toBe(subdir === undefined ? url : `${url}//${subdir}`);
    }
  });

  test.each([
    "https://user:hunter2@git.example.com/team/starter.git",
    "https://ghp_abcdef@github.com/acme/starter.git",
    "ssh://git:pw@git.example.com/x.git",
    "https://user:hunter2@git.example.com/x.git//../up#-bad",
  ])("credentials in %s are refused, and never echoed", (spec) => {
    const error = usageFailure(spec);
    expect(error.exitCode).toBe(2);
    expect(error.message).not.toMatch(/hunter2|ghp_abcdef|:pw@/);
    expect(error.hint).toContain("GIT_TOKEN");
  });
});

test("a malformed URL is refused without being echoed (it may carry a password)", () => {
  const error = usageFailure("https://user:hunter2@[broken/x.git");
  expect(error.exitCode).toBe(2);
  expect(error.message).toBe("--template: not a valid URL");
});

describe("refs and subfolders that git would misread", () => {
  test.each([
    "gh:a/b#",
    "gh:a/b#-uevil",
    "gh:a/b#a..b",
    "gh:a/b#bad ref",
    "gh:a/b#x.lock",
    "gh:a/b#tab\there",
  ])("%s", (spec) => {
    const error = usageFailure(spec);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain("ref after #");
  });

  test.each([
    "https://h/x.git//../up",
    "https://h/x.git//a/./b",
    "gh:a/b/c/../d",
    "https://h/x.git//a\\b",
  ])("%s", (spec) => {
    expect(usageFailure(spec).message).toContain("is not a subfolder");
  });
});

describe("anything else is a local folder", () => {
  test.each(["./templates/team", "/abs/team", "team", "C:\\\\team"])("%s", (spec) => {
    expect(parseTemplateSpec(spec)).toEqual({ kind: "local", path: spec });
  });

  test("an empty value is a usage error", () => {
    expect(usageFailure("  ").exitCode).toBe(2);
  });
});
