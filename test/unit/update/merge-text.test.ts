import { describe, expect, it } from "vitest";
import { mergeSectionsThreeWay } from "../../../src/update/merge-sections.js";
import { mergeText } from "../../../src/update/merge-text.js";
import { markedSection } from "../../../src/merge/sections.js";

describe("line three-way merge (git merge-file --diff3)", () => {
  it("applies the template's change next to the user's change elsewhere", async () => {
    const base = "a\nb\nc\nd\ne\n";
    expect(await mergeText(base, "A\nb\nc\nd\ne\n", "a\nb\nc\nd\nE\n")).toEqual({
      clean: true,
      text: "A\nb\nc\nd\nE\n",
    });
  });

  it("marks a true conflict with ours, the base and theirs", async () => {
    const merged = await mergeText("x\n", "mine\n", "theirs\n");
    expect(merged).toEqual({
      clean: false,
      conflicts: 1,
      text: "<<<<<<< yours\nmine\n||||||| base\nx\n=======\ntheirs\n>>>>>>> template\n",
    });
  });
});

describe("AGENTS.md by marked section", () => {
  const user = "# Our rules\n\nBe kind.\n\n";
  const tail = "\nTeam text after.\n";

  it("replaces a section in place and keeps every byte around it", async () => {
    const base = markedSection("shared", "old rule\n");
    const ours = `${user}${markedSection("shared", "old rule\n")}${tail}`;
    const theirs = markedSection("shared", "new rule\n");
    const merged = await mergeSectionsThreeWay(base, ours, theirs);
    expect(merged).toEqual({
      clean: true,
      how: "structure",
      text: `${user}${markedSection("shared", "new rule\n")}${tail}`,
    });
  });

  it("merges the user's edit inside a section with the template's, appends a new section, drops one the template dropped", async () => {
    const base =
      markedSection("shared", "one\ntwo\nthree\nfour\n") + markedSection("old", "gone\n");
    const ours = `${user}${markedSection("shared", "one\ntwo\nthree\nfour\nmine\n")}${markedSection("old", "gone\n")}`;
    const theirs =
      markedSection("shared", "ONE\ntwo\nthree\nfour\n") + markedSection("go", "go rules\n");
    const merged = await mergeSectionsThreeWay(base, ours, theirs);
    expect(merged?.clean).toBe(true);
    expect(merged?.text).toBe(
      `${user}${markedSection("shared", "ONE\ntwo\nthree\nfour\nmine\n")}\n${markedSection("go", "go rules\n")}`,
    );
  });

  it("leaves a section the user removed removed", async () => {
    const base = markedSection("shared", "rule\n");
    const merged = await mergeSectionsThreeWay(base, user, markedSection("shared", "new rule\n"));
    expect(merged).toEqual({ clean: true, how: "structure", text: user });
  });

  it("is no opinion for a file without markers (lines decide)", async () => {
    expect(await mergeSectionsThreeWay("a\n", "b\n", "c\n")).toBeUndefined();
  });
});
