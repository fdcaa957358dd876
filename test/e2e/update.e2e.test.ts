import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { git, read, status } from "./add-support.js";
import { REPO_ROOT, expectGateGreen, pathExists, run, runBin, tempDir } from "./support.js";
import {
  AGENTS_RULE,
  CONTRIBUTING,
  README_LINE,
  buildNextRelease,
  commitAll,
  projectAtN,
  runOther,
} from "./update-support.js";

const UPDATE = process.env["UPDATE_GOLDEN"] === "1";
const GOLDEN = join(REPO_ROOT, "test", "fixtures", "update", "ts-cli-updated.golden");
const AGENTS_NOTE = "\n## Our team\n\nWe pair on every change.\n";

let next: { readonly bin: string; readonly version: string };
beforeAll(async () => {
  next = await buildNextRelease();
}, 120_000);

/** The user's edits at N: a dependency, a script beside the one the template changes, notes, a deletion. */
async function userEdits(dir: string): Promise<void> {
  const manifest = await read(dir, "package.json");
  await writeFile(
    join(dir, "package.json"),
    manifest
      .replace(
        '    "lint": "eslint --max-warnings 0 .",\n',
        '    "lint": "eslint --max-warnings 0 .",\n    "lint:fix": "eslint --fix .",\n',
      )
      .replace(
        '  "devDependencies": {',
        '  "dependencies": {\n    "zod": "4.6.7"\n  },\n  "devDependencies": {',
      ),
  );
  const eslint = await read(dir, "eslint.config.js");
  await writeFile(
    join(dir, "eslint.config.js"),
    eslint.replace(
      '      eqeqeq: "error",\n',
      '      eqeqeq: "error",\n      "no-console": "error",\n',
    ),
  );
  await writeFile(join(dir, "AGENTS.md"), `${await read(dir, "AGENTS.md")}${AGENTS_NOTE}`);
  await rm(join(dir, "CLAUDE.md"));
  await commitAll(dir, "my edits");
}

/** Every tracked file but the vendored plugin and the base snapshot, versions masked. */
async function treeText(dir: string, version: string): Promise<string> {
  await git(dir, ["add", "--all"]);
  const listed = (await git(dir, ["ls-files"])).stdout.split("\n").filter((path) => path !== "");
  const shown = listed.filter(
    (path) => !path.startsWith(".claude/skills/litclaude/") && path !== ".litclaude/base.json",
  );
  const parts: string[] = [];
  for (const path of shown) {
    const text = (await read(dir, path)).replaceAll(
      `create-litclaude ${version}`,
      "create-litclaude <N+1>",
    );
    const masked =
      path === ".litclaude/answers.json" ? text.replaceAll(`"${version}"`, '"<N+1>"') : text;
    parts.push(`==> ${path}\n${masked}`);
  }
  return parts.join("\n");
}

describe("update of a TypeScript project made at N to N+1", () => {
  it("merges three-way: template changes land, the user's edits stay, the tree matches its golden, the gate is green, a second run changes nothing", async () => {
    const dir = await projectAtN("ts", "cli");
    await userEdits(dir);

    const check = await runOther(next.bin, ["update", "--check"], dir);
    expect(check.exitCode, check.output).toBe(1);
    expect(check.stdout).toContain("merged    package.json\n");
    expect(check.stdout).toContain("deleted   .editorconfig  (the template dropped it)\n");
    const dry = await runOther(next.bin, ["update", "--dry-run"], dir);
    expect(dry.exitCode, dry.output).toBe(0);
    expect(dry.stdout).toContain('+    "lint": "eslint --max-warnings 0 --cache .",');
    expect(dry.stdout).toContain("unchanged CLAUDE.md  (you deleted it; it stays deleted)\n");
    expect(await status(dir)).toBe("");

    const updated = await runOther(next.bin, ["update"], dir);
    expect(updated.exitCode, updated.output).toBe(0);
    const manifest: unknown = JSON.parse(await read(dir, "package.json"));
    expect(manifest).toMatchObject({
      dependencies: { zod: "4.6.7" },
      scripts: { lint: "eslint --max-warnings 0 --cache .", "lint:fix": "eslint --fix ." },
    });
    expect(await read(dir, "eslint.config.js")).toContain('"no-console": "error",');
    const agents = await read(dir, "AGENTS.md");
    expect(agents.endsWith(AGENTS_NOTE)).toBe(true);
    expect(agents.indexOf(AGENTS_RULE)).toBeGreaterThan(0);
    expect(agents.indexOf(AGENTS_RULE)).toBeLessThan(agents.indexOf(AGENTS_NOTE));
    expect(await read(dir, "AGENTS.md")).toContain(`create-litclaude ${next.version}`);
    expect(await pathExists(join(dir, "CLAUDE.md"))).toBe(false);
    expect(await pathExists(join(dir, ".editorconfig"))).toBe(false);
    expect(await read(dir, "CONTRIBUTING.md")).toBe(CONTRIBUTING);
    expect((await read(dir, "README.md")).endsWith(README_LINE)).toBe(true);
    expect(await read(dir, ".github/workflows/ci.yml")).toContain('run: echo "baseline N+1"');
    const answers: unknown = JSON.parse(await read(dir, ".litclaude/answers.json"));
    expect(answers).toMatchObject({ version: next.version });

    const tree = await treeText(dir, next.version);
    if (UPDATE) await writeFile(GOLDEN, tree);
    expect(tree).toBe(await readFile(GOLDEN, "utf8"));

    await commitAll(dir, "update");
    const again = await runOther(next.bin, ["update"], dir);
    expect(again.exitCode, again.output).toBe(0);
    expect(again.stdout).toContain("Up to date");
    expect(await status(dir)).toBe("");
    expect((await runOther(next.bin, ["update", "--check"], dir)).exitCode).toBe(0);

    const install = await run("npm", ["install", "--no-audit", "--no-fund"], dir);
    expect(install.exitCode, install.output).toBe(0);
    await expectGateGreen(dir);
  }, 600_000);

  it("reports a true conflict with diff3 markers and unmerged index entries, and exits 1", async () => {
    const dir = await projectAtN("ts", "lib");
    await writeFile(
      join(dir, "README.md"),
      `${await read(dir, "README.md")}\nMy own closing line.\n`,
    );
    await commitAll(dir, "my readme");
    const updated = await runOther(next.bin, ["update"], dir);
    expect(updated.exitCode, updated.output).toBe(1);
    expect(updated.stderr).toContain("1 conflict(s): README.md");
    const readme = await read(dir, "README.md");
    expect(readme).toMatch(
      /<<<<<<< yours\n(.|\n)*My own closing line\.\n\|\|\|\|\|\|\| base\n(.|\n)*=======\n(.|\n)*Kept current with(.|\n)*>>>>>>> template\n/,
    );
    const stages = (await git(dir, ["ls-files", "-u", "--", "README.md"])).stdout;
    expect(
      stages
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => line.split("\t")[0]?.split(" ")[2]),
    ).toEqual(["1", "2", "3"]);
    expect(await status(dir)).toContain("UU README.md");
    // The rest of the update landed whole.
    expect(await read(dir, "CONTRIBUTING.md")).toBe(CONTRIBUTING);
  }, 120_000);

  it("with --conflict rej keeps the user's file and writes the template's change beside it", async () => {
    const dir = await projectAtN("ts", "lib");
    const mine = `${await read(dir, "README.md")}\nMy own closing line.\n`;
    await writeFile(join(dir, "README.md"), mine);
    await commitAll(dir, "my readme");
    const updated = await runOther(next.bin, ["update", "--conflict", "rej", "--json"], dir);
    expect(updated.exitCode, updated.output).toBe(1);
    const result: unknown = JSON.parse(updated.stdout);
    expect(result).toMatchObject({ ok: false, rejects: ["README.md.rej"] });
    expect(await read(dir, "README.md")).toBe(mine);
    expect(await read(dir, "README.md.rej")).toContain(`+${README_LINE}`);
    expect((await git(dir, ["ls-files", "-u"])).stdout).toBe("");
  }, 120_000);

  it("refuses uncommitted changes to files it would change (exit 2, naming them, nothing written) unless --allow-dirty", async () => {
    const dir = await projectAtN("ts", "lib");
    await writeFile(join(dir, "package.json"), `${await read(dir, "package.json")}\n`);
    const refused = await runOther(next.bin, ["update"], dir);
    expect(refused.exitCode, refused.output).toBe(2);
    expect(refused.stderr).toContain(
      "uncommitted changes to files this update would change: package.json",
    );
    expect(await status(dir)).toBe(" M package.json\n");
    const allowed = await runOther(next.bin, ["update", "--allow-dirty"], dir);
    expect(allowed.exitCode, allowed.output).toBe(0);
  }, 120_000);

  it("takes --to only for its own version, refuses bad flags with exit 2, and renders again with a changed --answer", async () => {
    const dir = await projectAtN("ts", "lib");
    const other = await runOther(next.bin, ["update", "--to", "9.9.9"], dir);
    expect(other.exitCode).toBe(2);
    expect(other.stderr).toContain("npx create-litclaude@9.9.9 update");
    const own = await runOther(next.bin, ["update", "--to", next.version, "--check"], dir);
    expect(own.exitCode, own.output).toBe(1);
    const help = await runOther(next.bin, ["update", "--help"], dir);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain("--conflict rej");
    const bad = await runOther(next.bin, ["update", "--conflict", "merge"], dir);
    expect(bad.exitCode).toBe(2);
    const answer = await runOther(next.bin, ["update", "--answer", "colour=red"], dir);
    expect(answer.exitCode).toBe(2);
    expect(answer.stderr).toContain("the answers are: name, kind, module, plugin, marketplace");
    expect(await status(dir)).toBe("");

    // A changed answer renders the project again with it: no plugin, so its files go.
    const changed = await runOther(next.bin, ["update", "--answer", "plugin=none"], dir);
    expect(changed.exitCode, changed.output).toBe(0);
    expect(changed.stdout).toContain("deleted   .claude/skills/litclaude/hooks/hooks.json");
    expect(await pathExists(join(dir, ".claude/skills/litclaude/hooks/hooks.json"))).toBe(false);
    const answers: unknown = JSON.parse(await read(dir, ".litclaude/answers.json"));
    expect(answers).toMatchObject({ version: next.version, answers: { plugin: "none" } });
  }, 120_000);

  it("renders again for the package manager the project was made with, not the one running update", async () => {
    const parent = await tempDir("litclaude-update-pnpm-");
    const made = await runBin(
      ["app", "--lang", "ts", "--yes", "--no-install", "--no-git"],
      parent,
      {
        npm_config_user_agent: "pnpm/10.0.0 npm/? node/v24.0.0 linux x64",
      },
    );
    expect(made.exitCode, made.output).toBe(0);
    const dir = join(parent, "app");
    expect(await read(dir, ".github/workflows/ci.yml")).toContain("pnpm install");
    const check = await runBin(["update", "--check"], dir);
    expect(check.exitCode, check.output).toBe(0);
    expect(check.stdout).toContain("Up to date");
  }, 120_000);
});
