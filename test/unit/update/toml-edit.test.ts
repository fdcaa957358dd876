import { describe, expect, it } from "vitest";
import { ABSENT } from "../../../src/update/merge-values.js";
import { applyTomlEdits } from "../../../src/update/toml-edit.js";

describe("TOML edited in place", () => {
  const ours = '# mine\nname = "app"\n\n[tool.ruff]\nline-length = 100 # wide\nsrc = ["lib"]\n';

  it("replaces a value and keeps the comment after it", () => {
    const theirs = 'name = "app"\n[tool.ruff]\nline-length = 88\n';
    expect(
      applyTomlEdits(ours, [{ path: ["tool", "ruff", "line-length"], value: 88 }], theirs),
    ).toBe('# mine\nname = "app"\n\n[tool.ruff]\nline-length = 88 # wide\nsrc = ["lib"]\n');
  });

  it("removes a key's line, adds a top-level key after the last one, and a new table at the end", () => {
    const theirs = 'name = "app"\nversion = "1"\n[tool.ruff]\n[tool.ty]\nstrict = true\n';
    const text = applyTomlEdits(
      ours,
      [
        { path: ["tool", "ruff", "src"], value: ABSENT },
        { path: ["version"], value: "1" },
        { path: ["tool", "ty"], value: { strict: true } },
      ],
      theirs,
    );
    expect(text).toBe(
      '# mine\nname = "app"\nversion = "1"\n\n[tool.ruff]\nline-length = 100 # wide\n\n[tool.ty]\nstrict = true\n',
    );
  });

  it("gives up (undefined) on an array of tables, so the caller falls back to lines", () => {
    const theirs = '[[bin]]\nname = "x"\n';
    expect(applyTomlEdits("", [{ path: ["bin"], value: [{ name: "x" }] }], theirs)).toBeUndefined();
  });
});
