import { describe, expect, test } from "vitest";
import {
  basicCredentials,
  gitAuthEnv,
  redact,
  secretForms,
  tokenFor,
} from "../../../src/template-source/auth.js";
import { gitFailure } from "../../../src/template-source/git-errors.js";

describe("which token goes where", () => {
  const both = { GITHUB_TOKEN: "gh-token", GIT_TOKEN: "git-token" };
  test("GitHub gets GITHUB_TOKEN; other hosts GIT_TOKEN", () => {
    expect(tokenFor("https://github.com/a/b.git", false, both)?.variable).toBe("GITHUB_TOKEN");
    expect(tokenFor("http://127.0.0.1:8080/github/a/b.git", true, both)?.variable).toBe(
      "GITHUB_TOKEN",
    );
    expect(tokenFor("https://git.example.com/a/b.git", false, both)?.variable).toBe("GIT_TOKEN");
    expect(
      tokenFor("https://git.example.com/a/b.git", false, { GITHUB_TOKEN: "gh-token" }),
    ).toBeUndefined();
    expect(
      tokenFor("https://github.com/a/b.git", false, { GIT_TOKEN: "git-token" })?.variable,
    ).toBe("GIT_TOKEN");
  });

  test("never over plain http to another machine, nor over ssh or git://", () => {
    expect(tokenFor("http://git.example.com/a.git", false, both)).toBeUndefined();
    expect(tokenFor("ssh://git@git.example.com/a.git", false, both)).toBeUndefined();
    expect(tokenFor("git://127.0.0.1/a.git", false, both)).toBeUndefined();
    expect(tokenFor("git@github.com:a/b.git", true, both)).toBeUndefined();
  });

  test("an empty variable is no token", () => {
    expect(tokenFor("https://github.com/a/b.git", true, { GITHUB_TOKEN: " " })).toBeUndefined();
  });
});

describe("the token reaches git through its environment only", () => {
  const token = { value: "s3cret", variable: "GIT_TOKEN" as const, basicUser: "x-access-token" };
  test("an extra header scoped to the origin", () => {
    expect(gitAuthEnv("https://git.example.com/team/a.git", token, {})).toEqual({
      GIT_CONFIG_COUNT: "1",
      GIT_CONFIG_KEY_0: "http.https://git.example.com/.extraHeader",
      GIT_CONFIG_VALUE_0: `Authorization: Basic ${Buffer.from("x-access-token:s3cret").toString("base64")}`,
    });
  });

  test("after the user's own GIT_CONFIG_* entries, which stay", () => {
    const env = gitAuthEnv("https://h/a.git", token, { GIT_CONFIG_COUNT: "2" });
    expect(env["GIT_CONFIG_COUNT"]).toBe("3");
    expect(env["GIT_CONFIG_KEY_2"]).toBe("http.https://h/.extraHeader");
    expect(Object.keys(env)).not.toContain("GIT_CONFIG_KEY_0");
  });

  test("no token, no change", () => {
    expect(gitAuthEnv("https://h/a.git", undefined, {})).toEqual({});
  });

  test("redaction covers the value and its Basic form", () => {
    const text = `token s3cret header ${basicCredentials(token)}`;
    expect(redact(text, secretForms(token))).toBe("token *** header ***");
  });
});

describe("what a git failure means", () => {
  const token = { value: "s3cret", variable: "GITHUB_TOKEN" as const, basicUser: "x-access-token" };
  test.each([
    [
      "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
      undefined,
      /no access without credentials/,
      /GITHUB_TOKEN/,
    ],
    [
      "fatal: Authentication failed for 'https://github.com/a/b.git/'",
      token,
      /token from GITHUB_TOKEN was refused/,
      /not expired/,
    ],
    [
      "fatal: unable to access 'https://h/a.git/': The requested URL returned error: 403",
      token,
      /refused/,
      /allowed to read/,
    ],
    [
      "fatal: unable to access 'https://h/a.git/': The requested URL returned error: 403",
      undefined,
      /access denied/,
      /credential/,
    ],
    [
      "remote: Repository not found.\nfatal: repository 'https://github.com/a/b.git/' not found",
      undefined,
      /repository not found/,
      /some servers answer 'not found'/,
    ],
    [
      "fatal: unable to access 'https://h/a.git/': The requested URL returned error: 429",
      undefined,
      /rate limit/,
      /wait/,
    ],
    [
      "fatal: unable to access 'https://h/': Could not resolve host: h",
      undefined,
      /could not reach/,
      /--offline/,
    ],
    [
      "git@h: Permission denied (publickey).\nfatal: Could not read from remote repository.",
      undefined,
      /no access/,
      /ssh key/,
    ],
  ])("%s", (stderr, given, message, hint) => {
    const error = gitFailure("gh:a/b", stderr, given);
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
  });
});
