import { describe, expect, it } from "vitest";
import { mergeFile } from "../../../src/update/merge-file.js";

/** Base, the user's file and the template's next version, merged; the result must be clean. */
async function clean(path: string, base: string, ours: string, theirs: string): Promise<string> {
  const merged = await mergeFile(path, base, ours, theirs);
  expect(merged.clean, merged.text).toBe(true);
  return merged.text;
}

describe("structured three-way merges: a user's added dependency never conflicts with the template's changed lint setting", () => {
  it("package.json: a script added next to the one the template changes, and a dependency", async () => {
    const base =
      '{\n  "scripts": {\n    "lint": "eslint ."\n  },\n  "devDependencies": {\n    "eslint": "10.0.0"\n  }\n}\n';
    const ours =
      '{\n  "scripts": {\n    "lint": "eslint .",\n    "lint:fix": "eslint --fix ."\n  },\n  "dependencies": {\n    "zod": "4.0.0"\n  },\n  "devDependencies": {\n    "eslint": "10.0.0"\n  }\n}\n';
    const theirs =
      '{\n  "scripts": {\n    "lint": "eslint --cache ."\n  },\n  "devDependencies": {\n    "eslint": "10.1.0"\n  }\n}\n';
    const text = await clean("package.json", base, ours, theirs);
    expect(JSON.parse(text)).toEqual({
      scripts: { lint: "eslint --cache .", "lint:fix": "eslint --fix ." },
      dependencies: { zod: "4.0.0" },
      devDependencies: { eslint: "10.1.0" },
    });
  });

  it("tsconfig.json with comments: the user's path alias and the template's new strict flag", async () => {
    const base = '{\n  // strict\n  "compilerOptions": {\n    "strict": true\n  }\n}\n';
    const ours =
      '{\n  // strict\n  "compilerOptions": {\n    "strict": true,\n    "paths": { "@/*": ["./src/*"] }\n  }\n}\n';
    const theirs =
      '{\n  // strict\n  "compilerOptions": {\n    "strict": true,\n    "noUncheckedSideEffectImports": true\n  }\n}\n';
    const text = await clean("tsconfig.json", base, ours, theirs);
    expect(text).toContain("// strict");
    expect(text).toContain('"paths": { "@/*": ["./src/*"] }');
    expect(text).toContain('"noUncheckedSideEffectImports": true');
  });

  it(".claude/settings.json: the user's permission and the template's hook", async () => {
    const base = '{\n  "permissions": {\n    "allow": ["Bash(scripts/check)"]\n  }\n}\n';
    const ours =
      '{\n  "permissions": {\n    "allow": ["Bash(scripts/check)", "Bash(make:*)"]\n  }\n}\n';
    const theirs =
      '{\n  "permissions": {\n    "allow": ["Bash(scripts/check)", "Bash(scripts/no-excuse)"]\n  }\n}\n';
    const text = await clean(".claude/settings.json", base, ours, theirs);
    expect(JSON.parse(text)).toEqual({
      permissions: { allow: ["Bash(scripts/check)", "Bash(make:*)", "Bash(scripts/no-excuse)"] },
    });
  });

  it("pyproject.toml: a dependency added to the list, the template's ruff setting changed on the next line", async () => {
    const base = '[project]\nname = "app"\ndependencies = []\n[tool.ruff]\nline-length = 100\n';
    const ours =
      '[project]\nname = "app"\ndependencies = ["anyio>=4"]\n[tool.ruff]\nline-length = 100\n';
    const theirs = '[project]\nname = "app"\ndependencies = []\n[tool.ruff]\nline-length = 99\n';
    const text = await clean("pyproject.toml", base, ours, theirs);
    expect(text).toBe(
      '[project]\nname = "app"\ndependencies = ["anyio>=4"]\n[tool.ruff]\nline-length = 99\n',
    );
  });

  it("Cargo.toml: lines that touch merge by key, comments kept, a new table appended", async () => {
    const base = '[dependencies]\n\n[lints.clippy]\npedantic = { level = "warn", priority = -1 }\n';
    const ours =
      '[dependencies]\nserde = "1" # for the config\n\n[lints.clippy]\npedantic = { level = "warn", priority = -1 }\n';
    const theirs =
      '[dependencies]\n\n[lints.clippy]\npedantic = { level = "deny", priority = -1 }\n\n[lints.rust]\nunsafe_code = "forbid"\n';
    const text = await clean("Cargo.toml", base, ours, theirs);
    expect(text).toContain('serde = "1" # for the config\n');
    expect(text).toContain('pedantic = { level = "deny", priority = -1 }');
    expect(text).toContain('[lints.rust]\nunsafe_code = "forbid"\n');
  });

  it("TOML: a key the template changed right beside one the user added is placed by the editor", async () => {
    const base = "[tool.ruff]\nline-length = 100\n";
    const ours = '[tool.ruff]\nline-length = 100\nsrc = ["lib"]\n';
    const theirs = "[tool.ruff]\nline-length = 88\n";
    const merged = await mergeFile("pyproject.toml", base, ours, theirs);
    expect(merged).toMatchObject({
      clean: true,
      text: '[tool.ruff]\nline-length = 88\nsrc = ["lib"]\n',
    });
  });

  it(".golangci.yml: a setting added under the one the template changes, comments kept", async () => {
    const base = "linters:\n  settings:\n    cyclop:\n      max-complexity: 10 # keep low\n";
    const ours =
      "linters:\n  settings:\n    cyclop:\n      max-complexity: 10 # keep low\n      package-average: 5.0\n";
    const theirs = "linters:\n  settings:\n    cyclop:\n      max-complexity: 12 # keep low\n";
    const text = await clean(".golangci.yml", base, ours, theirs);
    expect(text).toContain("max-complexity: 12 # keep low");
    expect(text).toContain("package-average: 5.0");
  });

  it("workflow: a step the user added and a step the template added both land", async () => {
    const step = (run: string): string => `      - run: ${run}\n`;
    const head = "jobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n";
    const base = `${head}${step("a")}${step("check")}`;
    const ours = `${head}${step("a")}${step("mine")}${step("check")}`;
    const theirs = `${head}${step("a")}${step("check")}${step("theirs")}`;
    const text = await clean(".github/workflows/ci.yml", base, ours, theirs);
    expect(text).toBe(`${head}${step("a")}${step("mine")}${step("check")}${step("theirs")}`);
  });

  it("the same key changed both ways is a conflict, with the key named and markers in the text", async () => {
    const base = '{ "a": 1 }\n';
    const merged = await mergeFile("package.json", base, '{ "a": 2 }\n', '{ "a": 3 }\n');
    expect(merged.clean).toBe(false);
    if (merged.clean) return;
    expect(merged.conflicts).toEqual(["a"]);
    expect(merged.text).toContain("<<<<<<< yours");
    expect(merged.text).toContain("||||||| base");
    expect(merged.text).toContain(">>>>>>> template");
  });

  it("a file that does not parse falls back to lines", async () => {
    const merged = await mergeFile("package.json", "{\n", "{\nmine\n", "{\n");
    expect(merged).toEqual({ clean: true, text: "{\nmine\n", how: "text" });
  });
});
