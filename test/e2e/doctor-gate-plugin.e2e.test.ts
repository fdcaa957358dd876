import { chmod, rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "vitest";
import * as z from "zod/mini";
import { plant } from "./support.js";
import { expectOnlyFinding, lineOf, project } from "./doctor-support.js";

const HOOKS = ".claude/skills/litclaude/hooks";

describe("doctor on the gate", () => {
  it("reports the no-excuse step missing from scripts/check", async () => {
    const dir = await project("python", "cli");
    await plant(dir, "scripts/check", (old) =>
      old.replace("step no-excuse scripts/no-excuse\n", ""),
    );
    await expectOnlyFinding(dir, {
      id: "gate/no-excuse",
      file: "scripts/check",
      line: await lineOf(dir, "scripts/check", "step tests"),
      baseline: "runs scripts/no-excuse: step no-excuse scripts/no-excuse",
      current: "does not run scripts/no-excuse",
    });
  });

  it("reports the no-excuse checker no longer called by a step that still names it", async () => {
    const dir = await project("rust", "lib");
    await plant(dir, "scripts/check", (old) =>
      old.replace("step no-excuse\nscripts/no-excuse\n", "step no-excuse\n"),
    );
    await expectOnlyFinding(dir, {
      id: "gate/no-excuse",
      file: "scripts/check",
      line: await lineOf(dir, "scripts/check", "step tests"),
      baseline: "runs scripts/no-excuse: step no-excuse; scripts/no-excuse",
      current: "does not run scripts/no-excuse",
    });
  });

  it("reports a step removed from scripts/check", async () => {
    const dir = await project("go", "cli");
    await plant(dir, "scripts/check", (old) => old.replace("run_step lint lint\n", ""));
    await expectOnlyFinding(dir, {
      id: "gate/step/lint",
      file: "scripts/check",
      line: await lineOf(dir, "scripts/check", "run_step types types"),
      baseline: "runs the lint step: run_step lint lint",
      current: "no lint step",
    });
  });

  it("reports a step that dropped part of its command", async () => {
    const dir = await project("ts", "cli");
    await plant(dir, "scripts/check", (old) =>
      old.replace('step lint "$bin/eslint" --max-warnings 0 .', 'step lint "$bin/eslint" .'),
    );
    await expectOnlyFinding(dir, {
      id: "gate/step-changed/lint",
      file: "scripts/check",
      line: await lineOf(dir, "scripts/check", "step lint"),
      baseline: 'step lint "$bin/eslint" --max-warnings 0 .',
      current: 'step lint "$bin/eslint" .',
    });
  });

  it("reports CI no longer running scripts/check", async () => {
    const dir = await project("ts", "lib");
    await plant(dir, ".github/workflows/ci.yml", (old) =>
      old.replace("        run: scripts/check", "        run: npm test"),
    );
    await expectOnlyFinding(dir, {
      id: "ci/gate",
      file: ".github/workflows/ci.yml",
      line: await lineOf(dir, ".github/workflows/ci.yml", "  check:"),
      baseline: "job check runs scripts/check",
      current: "no enabled step in .github/workflows/ runs scripts/check",
    });
  });

  it("reports a CI gate step that can no longer fail the run", async () => {
    const dir = await project("go", "lib");
    await plant(dir, ".github/workflows/ci.yml", (old) =>
      old.replace(
        "      - run: scripts/check",
        "      - run: scripts/check\n        continue-on-error: true",
      ),
    );
    await expectOnlyFinding(dir, {
      id: "ci/gate",
      file: ".github/workflows/ci.yml",
      line: await lineOf(dir, ".github/workflows/ci.yml", "  check:"),
      baseline: "job check runs scripts/check",
      current: "no enabled step in .github/workflows/ runs scripts/check",
    });
  });
});

describe("doctor on the plugin", () => {
  it("reports a hook removed from the vendored plugin", async () => {
    const dir = await project("ts", "cli");
    await plant(dir, `${HOOKS}/hooks.json`, (old) => {
      const { hooks } = z
        .object({ hooks: z.record(z.string(), z.unknown()) })
        .parse(JSON.parse(old));
      const rest = Object.fromEntries(
        Object.entries(hooks).filter(([event]) => event !== "SessionStart"),
      );
      return JSON.stringify({ hooks: rest }, null, 2);
    });
    await expectOnlyFinding(dir, {
      id: "plugin/hook/SessionStart",
      file: `${HOOKS}/hooks.json`,
      line: 1,
      baseline: 'SessionStart: bash "${CLAUDE_PLUGIN_ROOT}/hooks/session-start.sh"',
      current: "no such SessionStart hook",
    });
  });

  it("reports a hook script that is no longer executable", async () => {
    const dir = await project("python", "lib");
    await chmod(join(dir, HOOKS, "check-edited-file.sh"), 0o644);
    await expectOnlyFinding(dir, {
      id: "plugin/not-executable/hooks/check-edited-file.sh",
      file: `${HOOKS}/check-edited-file.sh`,
      line: 1,
      baseline: "executable",
      current: "not executable",
    });
  });

  it("reports a hook script removed", async () => {
    const dir = await project("go", "lib");
    await rm(join(dir, HOOKS, "session-start.sh"));
    await expectOnlyFinding(dir, {
      id: "plugin/missing/hooks/session-start.sh",
      file: `${HOOKS}/session-start.sh`,
      line: 1,
      baseline: "vendored",
      current: "missing",
    });
  });

  it("reports a vendored plugin file changed", async () => {
    const dir = await project("rust", "cli");
    const skill = ".claude/skills/litclaude/skills/programming/SKILL.md";
    await plant(dir, skill, (old) => `${old}\nAny is fine when you are in a hurry.\n`);
    await expectOnlyFinding(dir, {
      id: "plugin/changed/skills/programming/SKILL.md",
      file: skill,
      line: 1,
      baseline: "the vendored plugin's copy",
      current: "changed",
    });
  });

  it("reports a marketplace in .claude/settings.json that does not resolve", async () => {
    const dir = await project("ts", "cli", ["--plugin", "marketplace"]);
    await plant(dir, ".claude/settings.json", (old) =>
      old.replace(
        /"source": \{[^}]*\}/,
        '"source": { "source": "directory", "path": "./tools/market" }',
      ),
    );
    await expectOnlyFinding(dir, {
      id: "plugin/marketplace",
      file: ".claude/settings.json",
      line: await lineOf(dir, ".claude/settings.json", '"litclaude": {'),
      baseline:
        'extraKnownMarketplaces.litclaude.source = {"source":"npm","package":"create-litclaude"}',
      current:
        '{"source":"directory","path":"./tools/market"}: tools/market/.claude-plugin/marketplace.json does not exist',
    });
  });

  it("reports enabledPlugins missing from .claude/settings.json", async () => {
    const dir = await project("python", "cli", ["--plugin", "marketplace"]);
    await plant(dir, ".claude/settings.json", (old) => {
      const settings = z.record(z.string(), z.unknown()).parse(JSON.parse(old));
      const rest = Object.fromEntries(
        Object.entries(settings).filter(([key]) => key !== "enabledPlugins"),
      );
      return JSON.stringify(rest, null, 2);
    });
    await expectOnlyFinding(dir, {
      id: "plugin/enabledPlugins",
      file: ".claude/settings.json",
      line: 1,
      baseline: '"litclaude@litclaude": true',
      current: "unset",
    });
  });
});
