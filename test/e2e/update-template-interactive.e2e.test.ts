import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git, read } from "./add-support.js";
import { BIN, REPO_ROOT, run, runBin, tempDir } from "./support.js";
import { writeTemplate } from "./template-support.js";
import { commitAll } from "./update-support.js";

const DRIVER = join(REPO_ROOT, "test", "e2e", "pty", "drive.py");
const ENTER = "\r";

const MANIFEST = {
  name: "tpl",
  version: "1.0.0",
  extends: { lang: "ts" },
  questions: [{ id: "team", type: "string", message: "Which team?", default: "platform" }],
};

describe("update in a real terminal", () => {
  it("asks only the question the template's new version added, and records the answer", async () => {
    const parent = await tempDir("litclaude-update-tpl-pty-");
    const tpl = join(parent, "tpl");
    await writeTemplate(tpl, MANIFEST, { "docs/TEAM.md.hbs": "# {{team}}\n" });
    const made = await runBin(
      ["app", "--template", tpl, "--lang", "ts", "--yes", "--no-install", "--no-git"],
      parent,
    );
    expect(made.exitCode, made.output).toBe(0);
    const dir = join(parent, "app");
    await git(dir, ["init", "-q", "-b", "main"]);
    await commitAll(dir, "made");
    const channel = {
      id: "channel",
      type: "string",
      message: "Which channel?",
      default: "general",
    };
    await writeTemplate(
      tpl,
      { ...MANIFEST, version: "1.1.0", questions: [...MANIFEST.questions, channel] },
      { "docs/TEAM.md.hbs": "# {{team}}\n\nIn #{{channel}}.\n" },
    );
    const result = await run(
      "python3",
      [
        DRIVER,
        JSON.stringify([["Which channel?", `ops${ENTER}`]]),
        "--",
        process.execPath,
        BIN,
        "update",
      ],
      dir,
      { CI: "" },
    );
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).not.toContain("Which team?");
    expect(await read(dir, "docs/TEAM.md")).toBe("# platform\n\nIn #ops.\n");
    expect(await read(dir, ".litclaude/answers.json")).toContain('"channel": "ops"');
  }, 120_000);
});
