import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, REPO_ROOT, run, tempDir } from "./support.js";

const DRIVER = join(REPO_ROOT, "test", "e2e", "pty", "drive.py");
const ENTER = "\r";
const DOWN = "\u001b[B";
const RIGHT = "\u001b[C";
const CTRL_C = "\u0003";

/** Runs the bin in a real pseudo-terminal, answering each prompt as it appears. */
function drive(
  steps: readonly (readonly [string, string])[],
  cwd: string,
  args: readonly string[] = [],
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

describe("interactive, in a real terminal", () => {
  it("asks what the flags left open and prints the non-interactive equivalent", async () => {
    const parent = await tempDir();
    const result = await drive(
      [
        ["Where should the project go?", `web-app${ENTER}`],
        ["Language?", `${DOWN}${DOWN}${DOWN}${ENTER}`],
        ["Project name?", ENTER],
        ["Kind?", `${DOWN}${ENTER}`],
        ["first commit?", `${RIGHT}${ENTER}`],
        ["Install dependencies now?", `${RIGHT}${ENTER}`],
      ],
      parent,
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      "npx create-litclaude web-app --lang ts --kind lib --no-git --no-install --yes",
    );
    expect(await readdir(join(parent, "web-app"))).toContain("package.json");
  });

  it("only asks for what is missing", async () => {
    const parent = await tempDir();
    const result = await drive(
      [
        ["Project name?", ENTER],
        ["Kind?", ENTER],
      ],
      parent,
      ["tool", "--lang", "rust", "--no-git", "--no-install"],
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain("Where should the project go?");
    expect(result.stdout).toContain(
      "npx create-litclaude tool --lang rust --kind cli --no-git --no-install --yes",
    );
  });

  it("shows the language's name rule under the prompt", async () => {
    const parent = await tempDir();
    const result = await drive(
      [
        ["Where should the project go?", `demo${ENTER}`],
        ["Language?", `${DOWN}${DOWN}${DOWN}${ENTER}`],
        ["Project name?", `Has Space${ENTER}`],
        ["Project name?", CTRL_C],
      ],
      parent,
    );
    expect(result.stdout).toContain("an npm package name must be lowercase (try has-space)");
    expect(result.exitCode).toBe(130);
    expect(await readdir(parent)).toEqual([]);
  });

  it.each([["Where should the project go?"], ["Language?"], ["Install dependencies now?"]])(
    "the Ctrl-C key at %j (read by the prompt, not a signal) exits 130 and writes nothing",
    async (prompt) => {
      const parent = await tempDir();
      const answers: readonly (readonly [string, string])[] = [
        ["Where should the project go?", `app${ENTER}`],
        ["Language?", ENTER],
        ["Project name?", ENTER],
        ["Kind?", ENTER],
        ["first commit?", ENTER],
        ["Install dependencies now?", ENTER],
      ];
      const upTo = answers.findIndex(([text]) => text === prompt);
      const steps = [...answers.slice(0, upTo), [prompt, CTRL_C] as const];
      const result = await drive(steps, parent);
      expect(result.exitCode).toBe(130);
      expect(result.stdout).toContain("Cancelled: nothing was written.");
      expect(await readdir(parent)).toEqual([]);
    },
  );
});
