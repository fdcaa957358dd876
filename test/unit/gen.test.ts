import { mkdir, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Output } from "../../src/cli/output.js";

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function cli(argv: readonly string[], cwd: string, signal?: AbortSignal): Promise<Ran> {
  let stdout = "";
  let stderr = "";
  const out: Output = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTTY: false,
  };
  const code = await main({
    argv,
    cwd,
    env: { CI: "true" },
    stdinIsTTY: false,
    out,
    signal: signal ?? new AbortController().signal,
  });
  return { code, stdout, stderr };
}

/** Every file under dir with its content, so a test can tell that nothing changed. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  const pairs = await Promise.all(
    files.map(async (entry) => {
      const path = join(entry.parentPath, entry.name);
      return [path, await readFile(path, "utf8")] as const;
    }),
  );
  return new Map(pairs);
}

let base = "";
let project = "";

async function freshProject(lang: string): Promise<string> {
  const parent = await mkdtemp(join(base, `${lang}-`));
  const made = await cli(["app", "--lang", lang, "--yes", "--no-git", "--no-install"], parent);
  expect(made.code, made.stderr).toBe(0);
  return join(parent, "app");
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "litclaude-gen-"));
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
    const parent = await mkdtemp(join(base, "lib-"));
    await cli(
      ["lib", "--lang", "go", "--kind", "lib", "--yes", "--no-git", "--no-install"],
      parent,
    );
    const listed = await cli(["gen", "--list", "--json"], join(parent, "lib"));
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
    const parent = await mkdtemp(join(base, "lib-"));
    await cli(
      ["lib", "--lang", "ts", "--kind", "lib", "--yes", "--no-git", "--no-install"],
      parent,
    );
    const wrongKind = await cli(["gen", "command", "x"], join(parent, "lib"));
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toContain("is for cli projects");
  });

  it("runs addMany, append and partials over the tree, in order", async () => {
    const dir = await freshProject("ts");
    const own = join(dir, ".litclaude/generators");
    await mkdir(join(own, "kit/{{kebab}}"), { recursive: true });
    await writeFile(join(own, "kit/{{kebab}}/a.txt.hbs"), "{{> banner}} a\n");
    await writeFile(join(own, "kit/{{kebab}}/b.txt"), "b {{pascal}}\n");
    await writeFile(
      join(own, "plopfile.mjs"),
      `export default function (plop) {
  plop.setPartial("banner", "kit {{name}}");
  plop.setGenerator("kit", {
    description: "a kit",
    prompts: [{ type: "input", name: "name", message: "name" }],
    actions: [
      { type: "addMany", destination: "kits", base: "kit" },
      { type: "append", path: "kits/{{kebab}}/a.txt", template: "more" },
      { type: "append", path: "kits/{{kebab}}/a.txt", template: "more" },
    ],
  });
}
`,
    );
    const ran = await cli(["gen", "kit", "tool-box"], dir);
    expect(ran.code, ran.stderr).toBe(0);
    expect(await readFile(join(dir, "kits/tool-box/a.txt"), "utf8")).toBe("kit tool-box a\n\nmore");
    expect(await readFile(join(dir, "kits/tool-box/b.txt"), "utf8")).toBe("b ToolBox\n");
  });

  it("refuses an action that is a function, since it could write behind the plan", async () => {
    const dir = await freshProject("ts");
    await mkdir(join(dir, ".litclaude/generators"), { recursive: true });
    await writeFile(
      join(dir, ".litclaude/generators/plopfile.mjs"),
      `export default function (plop) {
  plop.setGenerator("raw", { description: "writes by itself", prompts: [], actions: [() => "done"] });
}
`,
    );
    const ran = await cli(["gen", "raw"], dir);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("only declarative actions");
  });

  it("runs the project's own generators, answering prompts behind `when` from flags", async () => {
    const dir = await freshProject("ts");
    await mkdir(join(dir, ".litclaude/generators"), { recursive: true });
    await writeFile(
      join(dir, ".litclaude/generators/plopfile.mjs"),
      `export default function (plop) {
  plop.setGenerator("note", {
    description: "a team note",
    prompts: [
      { type: "input", name: "name", message: "name" },
      { type: "confirm", name: "signed", message: "signed?", default: false },
      { type: "input", name: "author", message: "author", when: (a) => a.signed },
    ],
    actions: [{ type: "add", path: "notes/{{kebab}}.md", template: "{{name}} by {{author}}\\n" }],
  });
}
`,
    );
    const listed = await cli(["gen", "--list"], dir);
    expect(listed.stdout).toMatch(/^note <name> +a team note$/m);
    const ran = await cli(["gen", "note", "first", "--author", "Ada"], dir);
    expect(ran.code, ran.stderr).toBe(0);
    expect(await readFile(join(dir, "notes/first.md"), "utf8")).toBe("first by Ada\n");
  });
});
