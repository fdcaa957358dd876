import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { manifestJsonSchema } from "../../src/template/json-schema.js";
import { parseManifest } from "../../src/template/manifest.js";
import { starterManifest } from "../../src/template/init.js";
import { REPO_ROOT } from "../e2e/support.js";

const SHIPPED = join(REPO_ROOT, "schema", "litclaude.template.schema.json");

describe("the shipped JSON Schema", () => {
  it("is the zod manifest schema, exactly (UPDATE_SCHEMA=1 writes it)", async () => {
    const expected = `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`;
    if (process.env["UPDATE_SCHEMA"] === "1") await writeFile(SHIPPED, expected);
    expect(await readFile(SHIPPED, "utf8")).toBe(expected);
  });

  it("is listed in the package's files, so editors find it in an install", async () => {
    const pkg: unknown = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8"));
    const files: unknown = typeof pkg === "object" && pkg !== null ? Reflect.get(pkg, "files") : [];
    expect(files).toContain("schema");
  });

  it("describes the manifest template init writes, which the zod schema accepts", () => {
    const schema = manifestJsonSchema();
    const manifest = starterManifest("acme", "go", "lib");
    const properties = Reflect.get(schema, "properties");
    expect(
      Object.keys(typeof properties === "object" && properties !== null ? properties : {}),
    ).toEqual(expect.arrayContaining(Object.keys(manifest)));
    expect(parseManifest(JSON.stringify(manifest), "litclaude.template.json").name).toBe("acme");
  });
});
