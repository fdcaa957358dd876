import { spawnSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const pluginRoot = join(import.meta.dirname, "..", "..", "content", "plugin");
const hook = join(pluginRoot, "hooks", "check-edited-file.sh");

// Stands in for a repo's scripts/no-excuse: flags any line holding BANNED.
const fakeChecker = `#!/usr/bin/env bash
[[ $# -eq 1 ]] || exit 2
line=$(grep -n BANNED "$1" | head -n 1 | cut -d: -f1)
[[ -z $line ]] && exit 0
echo "$1:$line:1 fake-rule BANNED is not allowed"
exit 1
`;

let project = "";

function runHook(payload: string, env: Readonly<Record<string, string>> = {}) {
  const started = performance.now();
  const result = spawnSync("bash", [hook], {
    input: payload,
    encoding: "utf8",
    env: {
      PATH: process.env["PATH"] ?? "",
      CLAUDE_PLUGIN_ROOT: pluginRoot,
      CLAUDE_PROJECT_DIR: project,
      ...env,
    },
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    ms: performance.now() - started,
  };
}

function payload(filePath: string, extra: Readonly<Record<string, unknown>> = {}): string {
  return JSON.stringify({
    session_id: "s1",
    cwd: project,
    hook_event_name: "PostToolUse",
    tool_name: "Write",
    tool_input: { content: 'a "file_path": "/elsewhere" line', file_path: filePath },
    ...extra,
  });
}

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), "litclaude-hook-"));
  await mkdir(join(project, "scripts"));
  await mkdir(join(project, "src dir"));
  await writeFile(join(project, "scripts", "no-excuse"), fakeChecker);
  await chmod(join(project, "scripts", "no-excuse"), 0o755);
  await writeFile(join(project, "src dir", "bad.ts"), "ok\nconst x = BANNED;\n");
  await writeFile(join(project, "src dir", "good.ts"), "const x = 1;\n");
});

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe("PostToolUse hook", () => {
  it("exits 2 with the finding on stderr for a violating file, quickly", () => {
    const result = runHook(payload(join(project, "src dir", "bad.ts")));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("src dir/bad.ts:2:1 fake-rule BANNED is not allowed");
    expect(result.ms).toBeLessThan(1000);
  });

  it("exits 0 for a clean file", () => {
    const result = runHook(payload(join(project, "src dir", "good.ts")));
    expect(result).toMatchObject({ status: 0, stderr: "" });
  });

  it("decodes JSON escapes in the path and resolves relative paths against the project", () => {
    const escaped = String.raw`{"tool_input":{"file_path":"src dir\/b\u0061d.ts"}}`;
    expect(runHook(escaped).status).toBe(2);
  });

  it("falls back to the payload's cwd when CLAUDE_PROJECT_DIR is unset", () => {
    expect(runHook(payload("src dir/bad.ts"), { CLAUDE_PROJECT_DIR: "" }).status).toBe(2);
  });

  it("accepts a project dir given with a trailing slash", () => {
    const result = runHook(payload(join(project, "src dir", "bad.ts")), {
      CLAUDE_PROJECT_DIR: `${project}/`,
    });
    expect(result.status).toBe(2);
  });

  it.each([
    ["malformed input", "not json {"],
    ["no file path", JSON.stringify({ tool_input: {} })],
    ["a missing file", JSON.stringify({ tool_input: { file_path: "/nowhere/x.ts" } })],
    ["a file outside the project", JSON.stringify({ tool_input: { file_path: hook } })],
  ])("exits 0 with a note for %s", (_label, input) => {
    const result = runHook(input);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^litclaude hook: .*nothing checked/);
  });

  it("exits 0 with a note when the repo has no checker", async () => {
    const bare = await mkdtemp(join(tmpdir(), "litclaude-bare-"));
    await writeFile(join(bare, "a.ts"), "BANNED\n");
    const result = runHook(JSON.stringify({ tool_input: { file_path: join(bare, "a.ts") } }), {
      CLAUDE_PROJECT_DIR: bare,
    });
    await rm(bare, { recursive: true, force: true });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("no executable scripts/no-excuse");
  });

  it("tells the agent, exit 2, when the checker itself fails", async () => {
    await writeFile(
      join(project, "scripts", "no-excuse"),
      "#!/usr/bin/env bash\necho 'no-excuse: src dir/bad.ts:1:3 does not parse' >&2\nexit 2\n",
    );
    const result = runHook(payload(join(project, "src dir", "bad.ts")));
    await writeFile(join(project, "scripts", "no-excuse"), fakeChecker);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("scripts/no-excuse could not check src dir/bad.ts (exit 2)");
    expect(result.stderr).toContain("src dir/bad.ts:1:3 does not parse");
  });

  it("tells the agent when the checker hangs, before the hook itself is killed", async () => {
    await writeFile(join(project, "scripts", "no-excuse"), "#!/usr/bin/env bash\nsleep 30\n");
    const result = runHook(payload(join(project, "src dir", "bad.ts")), {
      LITCLAUDE_HOOK_CHECK_SECONDS: "1",
    });
    await writeFile(join(project, "scripts", "no-excuse"), fakeChecker);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("(exit 124)");
    expect(result.stderr).toContain("did not finish within 1 seconds");
    expect(result.ms).toBeLessThan(10_000);
  });

  it("canonicalises the file: proj/../outside.ts is outside the project", async () => {
    const outside = join(project, "..", `${basename(project)}-outside.ts`);
    await writeFile(outside, "BANNED\n");
    const sneaky = `${project}/../${basename(project)}-outside.ts`;
    const result = runHook(payload(sneaky));
    await rm(outside);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/is outside the project .*nothing checked/);
  });

  it("checks through a project dir that is a symlink, relative, or written with ..", async () => {
    const parent = await mkdtemp(join(tmpdir(), "litclaude-hook-link-"));
    await symlink(project, join(parent, "link"));
    const file = join(project, "src dir", "bad.ts");
    expect(runHook(payload(file), { CLAUDE_PROJECT_DIR: join(parent, "link") }).status).toBe(2);
    const viaLink = join(parent, "link", "src dir", "bad.ts");
    expect(runHook(payload(viaLink)).status).toBe(2);
    const relative = { CLAUDE_PROJECT_DIR: basename(project) };
    const fromParent = JSON.stringify({ cwd: dirname(project), tool_input: { file_path: file } });
    expect(runHook(fromParent, relative).status).toBe(2);
    const dotted = { CLAUDE_PROJECT_DIR: `${project}/src dir/..` };
    expect(runHook(payload(file), dotted).status).toBe(2);
    await rm(parent, { recursive: true, force: true });
  });

  it("treats a project dir of / as the root, not as 'outside'", () => {
    const result = runHook(payload(join(project, "src dir", "bad.ts")), {
      CLAUDE_PROJECT_DIR: "/",
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("no executable scripts/no-excuse in /;");
  });

  it("gives up on a 64 KiB path at once, and decodes a long escaped one quickly", () => {
    const huge = runHook(JSON.stringify({ tool_input: { file_path: `/${"a".repeat(65_536)}` } }));
    expect(huge.status).toBe(0);
    expect(huge.stdout).toContain("longer than 4096 characters");
    expect(huge.ms).toBeLessThan(1000);
    const escape = String.raw`\u0061`;
    const escaped = `{"tool_input":{"file_path":"/${escape.repeat(680)}"}}`;
    const decoded = runHook(escaped);
    expect(decoded.stdout).toContain("does not exist");
    expect(decoded.ms).toBeLessThan(2000);
  });

  it("reads a large Write payload in well under a second", () => {
    const big = payload(join(project, "src dir", "good.ts"), {
      tool_response: { content: 'x\\"y'.repeat(250_000) },
    });
    const result = runHook(big);
    expect(result.status).toBe(0);
    expect(result.ms).toBeLessThan(1000);
  });
});

describe("SessionStart hook", () => {
  it("names the gate command when the repo has scripts/check", async () => {
    await writeFile(join(project, "scripts", "check"), "#!/usr/bin/env bash\n");
    await chmod(join(project, "scripts", "check"), 0o755);
    const result = spawnSync("bash", [join(pluginRoot, "hooks", "session-start.sh")], {
      encoding: "utf8",
      env: { PATH: process.env["PATH"] ?? "", CLAUDE_PROJECT_DIR: project },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("scripts/check");
  });
});
