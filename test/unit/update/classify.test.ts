import { describe, expect, it } from "vitest";
import { classify, type Side } from "../../../src/update/classify.js";

const side = (text: string, executable = false): Side => ({
  content: new TextEncoder().encode(text),
  executable,
});

async function statusOf(sides: {
  base?: string;
  ours?: string;
  theirs?: string;
}): Promise<{ status: string; note: string | undefined; after: string | undefined }> {
  const ours = sides.ours === undefined ? undefined : side(sides.ours);
  const entry = await classify("notes.txt", {
    before: ours,
    ours,
    base: sides.base === undefined ? undefined : side(sides.base),
    theirs: sides.theirs === undefined ? undefined : side(sides.theirs),
  });
  return {
    status: entry.status,
    note: entry.note,
    after: entry.after === undefined ? undefined : new TextDecoder().decode(entry.after.content),
  };
}

describe("classify: every file gets one status before anything is written", () => {
  it.each([
    [
      "template unchanged, user changed",
      { base: "a\n", ours: "b\n", theirs: "a\n" },
      "unchanged",
      "b\n",
    ],
    [
      "user unchanged, template changed",
      { base: "a\n", ours: "a\n", theirs: "c\n" },
      "merged",
      "c\n",
    ],
    [
      "both changed apart",
      { base: "1\n2\n3\n4\n", ours: "0\n2\n3\n4\n", theirs: "1\n2\n3\n5\n" },
      "merged",
      "0\n2\n3\n5\n",
    ],
    [
      "both changed the same line",
      { base: "a\n", ours: "b\n", theirs: "c\n" },
      "conflict",
      undefined,
    ],
    ["new in the template", { theirs: "new\n" }, "created", "new\n"],
    ["dropped by the template, untouched", { base: "a\n", ours: "a\n" }, "deleted", undefined],
    [
      "dropped by the template, changed by the user",
      { base: "a\n", ours: "b\n" },
      "unchanged",
      "b\n",
    ],
    ["deleted by the user", { base: "a\n", theirs: "c\n" }, "unchanged", undefined],
  ])("%s", async (_label, sides, status, after) => {
    const result = await statusOf(sides);
    expect(result.status).toBe(status);
    if (status !== "conflict") expect(result.after).toBe(after);
  });

  it("explains the files it keeps or leaves deleted", async () => {
    expect((await statusOf({ base: "a\n", theirs: "c\n" })).note).toBe(
      "you deleted it; it stays deleted",
    );
    expect((await statusOf({ base: "a\n", ours: "b\n" })).note).toBe(
      "the template dropped it; kept because you changed it",
    );
  });

  it("a conflict carries diff3 markers with the base", async () => {
    const result = await statusOf({ base: "a\n", ours: "b\n", theirs: "c\n" });
    expect(result.after).toBe("<<<<<<< yours\nb\n||||||| base\na\n=======\nc\n>>>>>>> template\n");
  });

  it("a mode the template changed is applied", async () => {
    const entry = await classify("scripts/x", {
      before: side("x\n"),
      ours: side("x\n"),
      base: side("x\n"),
      theirs: side("x\n", true),
    });
    expect(entry.status).toBe("merged");
    expect(entry.after?.executable).toBe(true);
  });
});
