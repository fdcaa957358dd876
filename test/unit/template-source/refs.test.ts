import { describe, expect, test } from "vitest";
import { LitError } from "../../../src/core/errors.js";
import {
  editDistance,
  nearestRefs,
  parseRefListing,
  resolveRef,
} from "../../../src/template-source/refs.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const C = "c".repeat(40);
const T = "d".repeat(40);
const LS_REMOTE = [
  "ref: refs/heads/main\tHEAD",
  `${A}\tHEAD`,
  `${A}\trefs/heads/main`,
  `${B}\trefs/heads/develop`,
  `${T}\trefs/tags/v1.0.0`,
  `${C}\trefs/tags/v1.0.0^{}`,
  `${B}\trefs/tags/v1.1.0`,
  `${C}\trefs/heads/v1.1.0`,
  `${A}\trefs/pull/1/head`,
].join("\n");

describe("parseRefListing", () => {
  test("branches, tags peeled to their commit, HEAD and the default branch", () => {
    const listing = parseRefListing(LS_REMOTE);
    expect(listing.head).toBe(A);
    expect(listing.defaultBranch).toBe("main");
    expect(listing.refs).toEqual([
      { name: "main", kind: "branch", commit: A },
      { name: "develop", kind: "branch", commit: B },
      { name: "v1.1.0", kind: "branch", commit: C },
      { name: "v1.0.0", kind: "tag", commit: C },
      { name: "v1.1.0", kind: "tag", commit: B },
    ]);
  });
});

describe("resolveRef", () => {
  const listing = parseRefListing(LS_REMOTE);
  test.each([
    [undefined, A],
    ["develop", B],
    ["v1.0.0", C],
    ["v1.1.0", B],
    ["refs/heads/v1.1.0", C],
    ["refs/tags/v1.1.0", B],
    ["bbbbbbbb", B],
    ["e".repeat(40), "e".repeat(40)],
  ])("%s -> its commit", (ref, commit) => {
    expect(resolveRef("gh:a/b", ref, listing)).toBe(commit);
  });

  test("an unknown ref is an error listing the nearest that exist", () => {
    let caught: LitError | undefined;
    try {
      resolveRef("gh:a/b", "v1.0.1", listing);
    } catch (error: unknown) {
      if (!(error instanceof LitError)) throw error;
      caught = error;
    }
    if (caught === undefined) throw new Error("v1.0.1 was resolved");
    expect(caught.exitCode).toBe(1);
    expect(caught.message).toContain('"v1.0.1"');
    expect(caught.message).toMatch(/nearest: v1\.0\.0, v1\.1\.0/);
    expect(caught.hint).toContain("gh:a/b#v1.0.0");
  });

  test("an empty repository has no default branch", () => {
    expect(() => resolveRef("gh:a/b", undefined, parseRefListing(""))).toThrow(/no default branch/);
  });
});

describe("nearest refs by edit distance", () => {
  test("distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });

  test("nearest first, at most the limit", () => {
    const refs = ["main", "master", "develop", "v2.0.0", "v2.1.0"].map((name) => ({
      name,
      kind: "branch" as const,
      commit: A,
    }));
    expect(nearestRefs("mian", refs, 2)).toEqual(["main", "master"]);
    expect(nearestRefs("v2.0.1", refs, 2)).toEqual(["v2.0.0", "v2.1.0"]);
  });
});
