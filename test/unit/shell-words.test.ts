import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { shellLine } from "../../src/core/shell-words.js";

describe("shellLine", () => {
  it("leaves plain words bare and quotes the rest", () => {
    expect(shellLine(["npx", "create-litclaude", "@team/tool", "--name", "my app"])).toBe(
      "npx create-litclaude @team/tool --name 'my app'",
    );
  });

  it("reads back through a real shell as the same words, quotes included", () => {
    const words = ["it's", "a b", "$HOME", "`x`", 'say "hi"', "plain"];
    const echoed = spawnSync("sh", ["-c", `printf '%s\\n' ${shellLine(words)}`], {
      encoding: "utf8",
    });
    expect(echoed.stdout.split("\n").slice(0, -1)).toEqual(words);
  });
});
