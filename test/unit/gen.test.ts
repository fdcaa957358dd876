import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, freshProject, snapshot } from "./gen-support.js";

let project = "";

beforeAll(async () => {
  project = await freshProject("ts");
});

describe("gen --list", () => {
  it("lists the generators of the project's language, one line each", async () => {
    const listed = await cli(["gen", "--list"], project);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trimEnd().split("\n");
    expect(lines.map((line) => line.split(" ")[0])).toEqual(["module", "command", "test"]);
  });

  it("leaves out generators for another kind of project", async () => {
    const listed = await cli(["gen", "--list", "--json"], await freshProject("go", "lib"));
    const parsed: unknown = JSON.parse(listed.stdout);
    expect(parsed).toMatchObject({ ok: true, lang: "go", generators: [{ name: "module" }] });
  });
});

describe("gen in a subfolder", () => {
  it("works on the project the folder belongs to", async () => {
    const ran = await cli(
      ["gen", "module", "price-list", "--dry-run"],
      join(project, "src", "lib"),
    );
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toContain(`in ${project};`);
  });
});

describe("gen --dry-run", () => {
  it("shows every change as a diff and writes nothing", async () => {
    const before = await snapshot(project);
    const ran = await cli(["gen", "command", "sync-all", "--dry-run"], project);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toContain("create    src/commands/sync-all.ts");
    expect(ran.stdout).toContain("merge     src/lib/run.ts");
    expect(ran.stdout).toContain('+  if (args[0] === "sync-all") {');
    expect(await snapshot(project)).toEqual(before);
  });

  it("gives the change set as one JSON object", async () => {
    const ran = await cli(["gen", "module", "price-list", "--dry-run", "--json"], project);
    const parsed: unknown = JSON.parse(ran.stdout);
    expect(parsed).toMatchObject({
      ok: true,
      command: "gen",
      dryRun: true,
      files: [
        { path: "src/lib/price-list.ts", action: "create" },
        { path: "test/price-list.test.ts", action: "create" },
      ],
    });
  });
});

describe("gen", () => {
  it("never overwrites an existing file without --force, and keeps a backup with it", async () => {
    const dir = await freshProject("ts");
    expect((await cli(["gen", "module", "price-list"], dir)).code).toBe(0);
    await writeFile(join(dir, "src/lib/price-list.ts"), "export const edited = 1;\n");
    const before = await snapshot(dir);
    const again = await cli(["gen", "module", "price-list"], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("src/lib/price-list.ts");
    expect(await snapshot(dir)).toEqual(before);
    const forced = await cli(["gen", "module", "price-list", "--force"], dir);
    expect(forced.code).toBe(0);
    expect(await readFile(join(dir, "src/lib/price-list.ts.litclaude-backup"), "utf8")).toBe(
      "export const edited = 1;\n",
    );
  });

  it("writes nothing when an action cannot find its place in a file", async () => {
    const dir = await freshProject("ts");
    await writeFile(join(dir, "src/lib/run.ts"), "export const moved = true;\n");
    const before = await snapshot(dir);
    const ran = await cli(["gen", "command", "sync-all"], dir);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("src/lib/run.ts has no match");
    expect(await snapshot(dir)).toEqual(before);
  });

  it("writes nothing when it is cancelled", async () => {
    const dir = await freshProject("ts");
    const before = await snapshot(dir);
    const controller = new AbortController();
    controller.abort("SIGINT");
    const ran = await cli(["gen", "module", "price-list"], dir, controller.signal);
    expect(ran.code).toBe(130);
    expect(await snapshot(dir)).toEqual(before);
  });

  it.each([
    ["ts", "Price"],
    ["ts", "class"],
    ["python", "import"],
    ["go", "errors"],
    ["rust", "match"],
  ])("refuses the %s name %s with exit 2", async (lang, name) => {
    const dir = lang === "ts" ? project : await freshProject(lang);
    const ran = await cli(["gen", "module", name], dir);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(`the name ${name} is not usable`);
  });

  it("reports a bad name as one JSON object with --json", async () => {
    const ran = await cli(["gen", "module", "Price", "--json"], project);
    expect(ran.code).toBe(2);
    const parsed: unknown = JSON.parse(ran.stdout);
    expect(parsed).toMatchObject({ ok: false, command: "gen", exitCode: 2 });
  });

  it("refuses an answer the generator does not have, and a generator for another kind", async () => {
    const unknown = await cli(["gen", "module", "price-list", "--colour", "red"], project);
    expect(unknown.stderr).toContain("has no answer --colour");
    const wrongKind = await cli(["gen", "command", "x"], await freshProject("ts", "lib"));
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toContain("is for cli projects");
  });
});
