import { describe, it } from "vitest";
import { plant } from "./support.js";
import { expectOnlyFinding, lineOf, project } from "./doctor-support.js";

describe("doctor on a TypeScript project with one weakening", () => {
  it("reports a tsconfig flag turned off", async () => {
    const dir = await project("ts", "cli");
    await plant(dir, "tsconfig.json", (old) =>
      old.replace('"noUncheckedIndexedAccess": true', '"noUncheckedIndexedAccess": false'),
    );
    await expectOnlyFinding(dir, {
      id: "tsconfig/noUncheckedIndexedAccess",
      file: "tsconfig.json",
      line: await lineOf(dir, "tsconfig.json", "noUncheckedIndexedAccess"),
      baseline: '"noUncheckedIndexedAccess": true',
      current: '"noUncheckedIndexedAccess": false',
    });
  });

  it("reports a flag a nested tsconfig overrides while extending the root one", async () => {
    const dir = await project("ts", "lib");
    await plant(
      dir,
      "test/tsconfig.json",
      '{\n  "extends": "../tsconfig.json",\n  "compilerOptions": {\n    "exactOptionalPropertyTypes": false\n  }\n}\n',
    );
    await expectOnlyFinding(dir, {
      id: "tsconfig/exactOptionalPropertyTypes",
      file: "test/tsconfig.json",
      line: 4,
      baseline: '"exactOptionalPropertyTypes": true',
      current: '"exactOptionalPropertyTypes": false',
    });
  });

  it("reports a flag turned off in a base the root tsconfig now extends", async () => {
    const dir = await project("ts", "cli");
    await plant(
      dir,
      "tsconfig.base.json",
      '{\n  "compilerOptions": {\n    "strictNullChecks": false\n  }\n}\n',
    );
    await plant(dir, "tsconfig.json", (old) =>
      old.replace("{\n", '{\n  "extends": "./tsconfig.base.json",\n'),
    );
    await expectOnlyFinding(dir, {
      id: "tsconfig/strictNullChecks",
      file: "tsconfig.base.json",
      line: 3,
      baseline: '"strictNullChecks": true',
      current: '"strictNullChecks": false',
    });
  });

  it("reports an ESLint rule turned off", async () => {
    const dir = await project("ts", "cli");
    await plant(dir, "eslint.config.js", (old) => old.replace('eqeqeq: "error"', 'eqeqeq: "off"'));
    await expectOnlyFinding(dir, {
      id: "eslint/eqeqeq",
      file: "eslint.config.js",
      line: await lineOf(dir, "eslint.config.js", "eqeqeq"),
      baseline: "error",
      current: "off",
    });
  });

  it("reports an ESLint rule from the shared configs disabled for some files", async () => {
    const dir = await project("ts", "lib");
    await plant(dir, "eslint.config.js", (old) =>
      old.replace(
        "  {\n    // Config files",
        '  {\n    files: ["src/**"],\n    rules: { "@typescript-eslint/no-explicit-any": "off" },\n  },\n  {\n    // Config files',
      ),
    );
    await expectOnlyFinding(dir, {
      id: "eslint/@typescript-eslint/no-explicit-any",
      file: "eslint.config.js",
      line: await lineOf(dir, "eslint.config.js", "no-explicit-any"),
      baseline: "error (from the shared configs)",
      current: "off",
    });
  });

  it("reports an ESLint rule downgraded to a warning", async () => {
    const dir = await project("ts", "cli");
    await plant(dir, "eslint.config.js", (old) =>
      old.replace(
        '"@typescript-eslint/strict-boolean-expressions": "error"',
        '"@typescript-eslint/strict-boolean-expressions": "warn"',
      ),
    );
    await expectOnlyFinding(dir, {
      id: "eslint/@typescript-eslint/strict-boolean-expressions",
      file: "eslint.config.js",
      line: await lineOf(dir, "eslint.config.js", "strict-boolean-expressions"),
      baseline: "error",
      current: "warn",
    });
  });

  it("reports a linter pin moved backwards", async () => {
    const dir = await project("ts", "cli");
    await plant(dir, "package.json", (old) =>
      old.replace('"typescript-eslint": "8.73.0"', '"typescript-eslint": "8.40.0"'),
    );
    await expectOnlyFinding(dir, {
      id: "pin/typescript-eslint",
      file: "package.json",
      line: await lineOf(dir, "package.json", '"typescript-eslint"'),
      baseline: '"typescript-eslint": "8.73.0"',
      current: '"typescript-eslint": "8.40.0"',
    });
  });
});
