import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, freshProject } from "./gen-support.js";

describe("a project's own generators", () => {
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
