import { describe, expect, it } from "vitest";
import { acceptedSchema } from "../../../src/core/answers.js";
import { compareVersions } from "../../../src/doctor/checks/common.js";
import { parseEslintConfig } from "../../../src/doctor/parse/eslint-config.js";
import { parseTomlDoc } from "../../../src/doctor/parse/toml.js";
import { LitError } from "../../../src/core/errors.js";

describe("parseEslintConfig", () => {
  it("reads severities in every form, options, shared configs and linter options by syntax", () => {
    const config = parseEslintConfig(
      'import t from "typescript-eslint";\n' +
        "export default [\n" +
        "  ...t.configs.strictTypeChecked,\n" +
        '  { linterOptions: { reportUnusedDisableDirectives: "error" } },\n' +
        '  { rules: { a: 0, "b/c": ["warn", { max: 3 }], d: "error" } },\n' +
        "];\n",
    );
    expect(
      config.rules.map(({ name, severity, options, line }) => [name, severity, options, line]),
    ).toEqual([
      ["a", 0, "", 5],
      ["b/c", 1, '[{"max":3}]', 5],
      ["d", 2, "", 5],
    ]);
    expect([...config.presets]).toEqual([["t.configs.strictTypeChecked", 3]]);
    expect(config.linterOptions.get("reportUnusedDisableDirectives")).toEqual({
      value: '"error"',
      line: 4,
    });
  });
});

describe("compareVersions", () => {
  it("orders by number, not by text, and reads ranges and tags", () => {
    expect(compareVersions("1.9", "1.10")).toBeLessThan(0);
    expect(compareVersions("^10.0.1", "10.0.1")).toBe(0);
    expect(compareVersions("v2.15.0", "2.9.0")).toBeGreaterThan(0);
    expect(compareVersions("1.95", "1.95.0")).toBe(0);
  });
});

describe("parseTomlDoc", () => {
  it("refuses malformed TOML as a usage error naming the file and line", () => {
    let thrown: unknown;
    try {
      parseTomlDoc('[lints.rust]\nunsafe_code = "forbid"\nbad key = 1\n', "Cargo.toml");
    } catch (error: unknown) {
      if (!(error instanceof LitError)) throw error;
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LitError);
    expect(thrown).toMatchObject({ kind: "usage", location: { file: "Cargo.toml", line: 3 } });
  });
});

describe("accepted entries in answers.json", () => {
  it("need an id, a file and a reason", () => {
    expect(
      acceptedSchema.safeParse({ id: "eslint/eqeqeq", file: "eslint.config.js", reason: "why" })
        .success,
    ).toBe(true);
    expect(
      acceptedSchema.safeParse({ id: "eslint/eqeqeq", file: "eslint.config.js", reason: "" })
        .success,
    ).toBe(false);
    expect(
      acceptedSchema.safeParse({ id: "eslint/eqeqeq", file: "eslint.config.js" }).success,
    ).toBe(false);
  });
});
