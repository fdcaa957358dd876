// The plugin's PostToolUse hook, run as Claude Code runs it (plugin root and project dir in the
// environment, a recorded payload on stdin), against each language's real no-excuse checker.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { CLAUDE_TIMEOUT, SCAFFOLD_TIMEOUT, VENDORED } from "./plugin-support.js";
import { plant, scaffold } from "./support.js";

const hooksSchema = z.object({
  hooks: z.object({
    PostToolUse: z.array(
      z.object({
        matcher: z.string(),
        hooks: z.array(z.object({ type: z.literal("command"), command: z.string() })),
      }),
    ),
  }),
});

interface HookRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs a hook command the way Claude Code does: through a shell, the payload on stdin. */
function runHook(command: string, dir: string, payload: string): Promise<HookRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn("/bin/sh", ["-c", command], {
      cwd: dir,
      env: {
        ...process.env,
        CLAUDE_PLUGIN_ROOT: join(dir, VENDORED),
        CLAUDE_PROJECT_DIR: dir,
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({ exitCode: code ?? 1, stdout, stderr, ms: performance.now() - started });
    });
    child.stdin.end(payload);
  });
}

/** A PostToolUse payload of the shape Claude Code sends after a Write. */
function writePayload(dir: string, file: string, content: string): string {
  return JSON.stringify({
    session_id: "3f1c9a2e-0d4b-4c1e-9a57-5b1f0e2d7c11",
    transcript_path: join(dir, ".transcript.jsonl"),
    cwd: dir,
    permission_mode: "default",
    hook_event_name: "PostToolUse",
    tool_name: "Write",
    tool_input: { file_path: join(dir, file), content },
    tool_response: { type: "create", filePath: join(dir, file), content },
    tool_use_id: "toolu_01PlantedViolation",
  });
}

interface Planted {
  readonly lang: "go" | "python" | "rust" | "ts";
  readonly file: string;
  readonly bad: string;
  readonly good: string;
}

const planted: readonly Planted[] = [
  {
    lang: "go",
    file: "internal/planted/planted.go",
    bad: "package planted\n\nfunc Drop() {\n\tvar err error\n\t_ = err\n}\n",
    good: "package planted\n\n// Answer is the answer.\nfunc Answer() int { return 42 }\n",
  },
  {
    lang: "python",
    file: "src/planted.py",
    bad: "from typing import Any\n\nvalue: Any = 1\n",
    good: "value: int = 1\n",
  },
  {
    lang: "rust",
    file: "src/planted.rs",
    bad: 'pub fn parse() -> u8 {\n    "1".parse().unwrap()\n}\n',
    good: "pub const fn answer() -> u8 {\n    42\n}\n",
  },
  {
    lang: "ts",
    file: "src/planted.ts",
    bad: 'export const planted = JSON.parse("1") as number;\n',
    good: "export const planted = 1;\n",
  },
];

describe.each(planted)("the PostToolUse hook in a $lang repo", ({ lang, file, bad, good }) => {
  let dir = "";
  let command = "";

  beforeAll(async () => {
    ({ dir } = await scaffold(lang, "lib"));
    const hooks = hooksSchema.parse(
      JSON.parse(await readFile(join(dir, VENDORED, "hooks", "hooks.json"), "utf8")),
    );
    const entry = hooks.hooks.PostToolUse.find((group) => group.matcher.includes("Write"));
    command = entry?.hooks[0]?.command ?? "";
  }, SCAFFOLD_TIMEOUT);

  it("has a PostToolUse hook for Write that runs a command", () => {
    // An empty command would make every run below vacuous: nothing would be run.
    expect(command.trim()).not.toBe("");
    expect(command).toContain("check-edited-file.sh");
  });

  it(
    "exits 2 naming the finding for a violating file",
    async () => {
      await plant(dir, file, bad);
      const result = await runHook(command, dir, writePayload(dir, file, bad));
      expect(result.exitCode, `${result.stdout}${result.stderr}`).toBe(2);
      expect(result.stderr).toMatch(
        new RegExp(`^${file.replaceAll(".", "\\.")}:\\d+:\\d+ \\S+`, "m"),
      );
    },
    CLAUDE_TIMEOUT,
  );

  it(
    "exits 0 for a clean file, in well under a second once the checker is warm",
    async () => {
      await plant(dir, file, good);
      // The best of three runs: the capability, not the noise of a busy machine.
      const times: number[] = [];
      for (let run = 0; run < 3; run += 1) {
        const result = await runHook(command, dir, writePayload(dir, file, good));
        expect(result.exitCode, `${result.stdout}${result.stderr}`).toBe(0);
        expect(result.stderr).toBe("");
        times.push(result.ms);
      }
      expect(Math.min(...times)).toBeLessThan(1000);
    },
    CLAUDE_TIMEOUT,
  );
});

describe("the PostToolUse hook when the checker cannot check the file", () => {
  it(
    "exits 2 and tells the agent why, in a ts repo",
    async () => {
      const { dir } = await scaffold("ts", "lib");
      const hooks = hooksSchema.parse(
        JSON.parse(await readFile(join(dir, VENDORED, "hooks", "hooks.json"), "utf8")),
      );
      const command =
        hooks.hooks.PostToolUse.find((group) => group.matcher.includes("Write"))?.hooks[0]
          ?.command ?? "";
      const broken = "export const x = ;\n";
      await plant(dir, "src/broken.ts", broken);
      const result = await runHook(command, dir, writePayload(dir, "src/broken.ts", broken));
      expect(result.exitCode, `${result.stdout}${result.stderr}`).toBe(2);
      expect(result.stderr).toContain("could not check src/broken.ts (exit 2)");
      expect(result.stderr).toContain("src/broken.ts:1:18 does not parse: Expression expected.");
    },
    SCAFFOLD_TIMEOUT + CLAUDE_TIMEOUT,
  );
});
