import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { BIN, REPO_ROOT, run, tempDir } from "./support.js";
import { noGitIdentity } from "./git-identity.js";

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
  env: Readonly<Record<string, string>> = {},
) {
  return run(
    "python3",
    [DRIVER, JSON.stringify(steps), "--", process.execPath, BIN, ...args],
    cwd,
    { ...env, CI: "" },
  );
}

/** A folder that already holds a project create-litclaude made: `create` is not for it. */
async function occupied(parent: string, name: string): Promise<string> {
  await mkdir(join(parent, name, ".litclaude"), { recursive: true });
  await writeFile(join(parent, name, ".litclaude", "answers.json"), "{}\n");
  return join(parent, name);
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
      expect(result.stdout.match(/Cancelled: nothing was written\./g)).toHaveLength(1);
      expect(await readdir(parent)).toEqual([]);
    },
  );

  it("asks again, right away, when the folder given already holds a project", async () => {
    const parent = await tempDir();
    const taken = await occupied(parent, "taken");
    const result = await drive(
      [
        ["Where should the project go?", `taken${ENTER}`],
        [
          "taken already holds a create-litclaude project (.litclaude/answers.json): choose another folder",
          "",
        ],
        ["Where should the project go?", `fresh${ENTER}`],
        ["Language?", ENTER],
        ["Project name?", ENTER],
        ["Kind?", ENTER],
        ["first commit?", `${RIGHT}${ENTER}`],
        ["Install dependencies now?", `${RIGHT}${ENTER}`],
      ],
      parent,
    );
    expect(result.exitCode, result.stdout).toBe(0);
    expect(await readdir(taken)).toEqual([".litclaude"]);
    expect(await readdir(join(parent, "fresh"))).toContain("go.mod");
  });

  it("stops before the first question when the folder passed already holds a project", async () => {
    const parent = await tempDir();
    const taken = await occupied(parent, "taken");
    const result = await drive([], parent, ["taken"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain("taken already holds a create-litclaude project");
    expect(result.stdout).not.toContain("Language?");
    expect(await readdir(taken)).toEqual([".litclaude"]);
  });

  it("reads a leading ~/ in the answer as the home folder", async () => {
    const parent = await tempDir();
    const home = await tempDir("litclaude-home-");
    const result = await drive(
      [
        ["Where should the project go?", `~/from-prompt${ENTER}`],
        ["Language?", ENTER],
        ["Project name?", ENTER],
        ["Kind?", ENTER],
        ["first commit?", `${RIGHT}${ENTER}`],
        ["Install dependencies now?", `${RIGHT}${ENTER}`],
      ],
      parent,
      [],
      { HOME: home },
    );
    expect(result.exitCode, result.stdout).toBe(0);
    expect(await readdir(parent)).toEqual([]);
    expect(await readdir(join(home, "from-prompt"))).toContain("go.mod");
  });

  it("stops right after the language when --module does not fit it", async () => {
    const parent = await tempDir();
    const result = await drive([["Language?", `${DOWN}${DOWN}${DOWN}${ENTER}`]], parent, [
      "app",
      "--module",
      "example.dev/app",
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain("--module is a Go module path; it does not apply to --lang ts");
    expect(result.stdout).not.toContain("Project name?");
    expect(await readdir(parent)).toEqual([]);
  });

  it("shows a git step that could not commit with a warning mark, not success", async () => {
    const parent = await tempDir();
    const result = await drive(
      [],
      parent,
      ["app", "--lang", "go", "--kind", "cli", "--name", "app", "--git", "--no-install"],
      await noGitIdentity(),
    );
    expect(result.exitCode, result.stdout).toBe(0);
    const screen = stripVTControlCharacters(result.stdout);
    expect(screen).toMatch(/▲ {2}Creating the first git commit \(\d+\.\d+s\)/);
    expect(screen).not.toMatch(/◇ {2}Creating the first git commit \(/);
    expect(result.stdout).toContain("\u001b[33m▲");
  });
});
