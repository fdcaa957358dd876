import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, REPO_ROOT, pathExists, run } from "./support.js";
import { repoWith, status } from "./add-support.js";

const DRIVER = join(REPO_ROOT, "test", "e2e", "pty", "drive.py");
const ENTER = "\r";
const RIGHT = "\u001b[C";

function drive(
  steps: readonly (readonly [string, string])[],
  cwd: string,
  args: readonly string[],
) {
  return run(
    "python3",
    [DRIVER, JSON.stringify(steps), "--", process.execPath, BIN, ...args],
    cwd,
    {
      CI: "",
    },
  );
}

describe("add, interactive in a real terminal", () => {
  it("asks language, folder and kind, shows the plan, applies on yes and prints the one-line equivalent", async () => {
    const dir = await repoWith({ "AGENTS.md": "# Mine\n" });
    const result = await drive(
      [
        ["Language to add?", ENTER],
        ["Folder for it", `services/api${ENTER}`],
        ["Kind?", ENTER],
        ["Apply this plan?", ENTER],
      ],
      dir,
      ["add"],
    );
    expect(result.exitCode, result.output).toBe(0);
    expect(result.stdout).toContain("merge: AGENTS.md");
    expect(result.stdout).toContain(
      "npx create-litclaude add go --dir services/api --kind lib --yes",
    );
    expect(await pathExists(join(dir, "services/api/go.mod"))).toBe(true);
  });

  it("writes nothing when the plan is declined", async () => {
    const dir = await repoWith({});
    const result = await drive([["Apply this plan?", `${RIGHT}${ENTER}`]], dir, [
      "add",
      "go",
      "--dir",
      "svc",
      "--kind",
      "lib",
    ]);
    expect(result.exitCode, result.output).toBe(130);
    expect(await status(dir)).toBe("");
  });
});
