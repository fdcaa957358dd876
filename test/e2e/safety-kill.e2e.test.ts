import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startBin } from "./safety/child.js";
import { runBin, tempDir } from "./support.js";

describe("SIGKILL while the files are staged", () => {
  it("leaves its lock and staging folder, which a later run recognises as abandoned and removes", async () => {
    const parent = await tempDir();
    const args = ["app", "--lang", "go", "--yes", "--no-install", "--no-git"];
    const killed = startBin(args, parent, { slowFs: true });
    await killed.waitFor(/slow-fs: write \S+litclaude-staging\S+/);
    killed.child.kill("SIGKILL");
    await killed.exit;
    const pid = String(killed.child.pid);
    expect((await readdir(parent)).sort()).toEqual([
      ".app.litclaude-lock",
      `.app.litclaude-staging-${pid}-1`,
    ]);
    expect(await readFile(join(parent, ".app.litclaude-lock"), "utf8")).toBe(`${pid}\n`);
    const rerun = await runBin(args, parent);
    expect(rerun.exitCode, rerun.output).toBe(0);
    expect(await readdir(parent)).toEqual(["app"]);
  });
});
