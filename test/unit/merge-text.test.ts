import { describe, expect, it } from "vitest";
import { mergeGitignore } from "../../src/merge/gitignore.js";
import { markedSection, mergeSections } from "../../src/merge/sections.js";
import { mergeEditorconfig } from "../../src/merge/editorconfig.js";
import { mergeGoWork } from "../../src/merge/go-work.js";
import { mergeCombinedGate, COMBINED_GATE_MARK } from "../../src/merge/gate.js";
import { mergePnpmWorkspace } from "../../src/merge/pnpm-workspace.js";
import type { MergeResult } from "../../src/merge/types.js";

function text(result: MergeResult): string {
  if (!result.ok) throw new Error(`expected a merge, got: ${result.reason}`);
  return result.text;
}

describe("mergeGitignore", () => {
  it("matches exact lines, never substrings, and keeps the user's order and comments", () => {
    const current = "# mine\nmy-test-results-old\n/dist\n";
    const merged = text(mergeGitignore(current, "# ours\n/dist\ntest-results\n\nnode_modules/\n"));
    expect(merged).toBe(
      "# mine\nmy-test-results-old\n/dist\n\n# added by create-litclaude\ntest-results\nnode_modules/\n",
    );
    expect(text(mergeGitignore(merged, "/dist\ntest-results\nnode_modules/\n"))).toBe(merged);
  });

  it("adds a final newline the file lacked and keeps CRLF line endings", () => {
    expect(text(mergeGitignore("a\r\nb", "c\n"))).toBe(
      "a\r\nb\r\n\r\n# added by create-litclaude\r\nc\r\n",
    );
  });

  it("adds later lines under the existing header, without a second header", () => {
    const once = text(mergeGitignore("a\n", "b\n"));
    expect(text(mergeGitignore(once, "c\n"))).toBe("a\n\n# added by create-litclaude\nb\nc\n");
  });
});

describe("mergeSections", () => {
  const ours = markedSection("ts", "## TypeScript\nrules v2\n");

  it("appends a section the file lacks, leaving every other byte", () => {
    const current = "# My repo\n\nHand-written notes.";
    expect(text(mergeSections(current, ours))).toBe(
      "# My repo\n\nHand-written notes.\n\n<!-- litclaude:begin ts -->\n## TypeScript\nrules v2\n<!-- litclaude:end ts -->\n",
    );
  });

  it("replaces the section in place on rerun; text around it stays", () => {
    const current =
      "top\n<!-- litclaude:begin ts -->\nold\n<!-- litclaude:end ts -->\nbottom, user text\n";
    const merged = text(mergeSections(current, ours));
    expect(merged).toBe(
      "top\n<!-- litclaude:begin ts -->\n## TypeScript\nrules v2\n<!-- litclaude:end ts -->\nbottom, user text\n",
    );
    expect(text(mergeSections(merged, ours))).toBe(merged);
  });

  it("reports a begin marker without its end with line and column", () => {
    const result = mergeSections("a\n  <!-- litclaude:begin ts -->\nb\n", ours);
    expect(result).toEqual({
      ok: false,
      reason: 'section "ts" has no end marker',
      line: 2,
      column: 3,
    });
  });

  it("is a conflict when we own no section of the incoming file", () => {
    expect(mergeSections("mine\n", "theirs\n")).toMatchObject({ ok: false, conflict: true });
  });
});

describe("mergeEditorconfig", () => {
  it("appends missing sections; the user's sections and preamble win", () => {
    const current = "root = true\n\n[*]\nindent_size = 8 # mine\n";
    const incoming = "root = true\n\n[*]\nindent_size = 2\n\n[*.go]\nindent_style = tab\n\n";
    const merged = text(mergeEditorconfig(current, incoming));
    expect(merged).toBe(`${current}\n[*.go]\nindent_style = tab\n`);
    expect(text(mergeEditorconfig(merged, incoming))).toBe(merged);
  });

  it("names the line and column of a line that is not editorconfig", () => {
    expect(mergeEditorconfig("[*]\n  oops\n", "[*.go]\na = b\n")).toMatchObject({
      ok: false,
      line: 2,
      column: 3,
    });
  });
});

describe("mergeGoWork", () => {
  it("adds the folder inside the use block, keeping comments", () => {
    const current = "go 1.24\n\nuse (\n\t./tools // mine\n)\n";
    const merged = text(mergeGoWork(current, "go 1.24\n\nuse ./svc\n"));
    expect(merged).toBe("go 1.24\n\nuse (\n\t./tools // mine\n\t./svc\n)\n");
    expect(text(mergeGoWork(merged, "use ./svc\n"))).toBe(merged);
  });

  it("adds a use line when the file has single-line uses", () => {
    expect(text(mergeGoWork("go 1.24\nuse ./a\n", "use ./b\n"))).toBe(
      "go 1.24\nuse ./a\n\nuse ./b\n",
    );
  });

  it("reports an unclosed use block", () => {
    expect(mergeGoWork("go 1.24\nuse (\n\t./a\n", "use ./b\n")).toMatchObject({
      ok: false,
      line: 2,
    });
  });
});

describe("mergeCombinedGate", () => {
  it("rewrites the combined gate it wrote, and refuses a scripts/check it did not", () => {
    const ours = `#!/usr/bin/env bash\n${COMBINED_GATE_MARK}\nnew\n`;
    expect(text(mergeCombinedGate(`#!/bin/sh\n${COMBINED_GATE_MARK}\nold\n`, ours))).toBe(ours);
    expect(mergeCombinedGate("#!/bin/sh\nmake test\n", ours)).toMatchObject({
      ok: false,
      conflict: true,
    });
  });
});

describe("mergePnpmWorkspace", () => {
  it("adds a package after the last, indented and quoted like a list item, comments kept", () => {
    const current = "# pnpm\npackages:\n    - 'packages/*' # all\n\ncatalog:\n  a: 1\n";
    const merged = text(mergePnpmWorkspace(current, "packages:\n  - svc\n"));
    expect(merged).toBe(
      "# pnpm\npackages:\n    - 'packages/*' # all\n    - \"svc\"\n\ncatalog:\n  a: 1\n",
    );
    expect(text(mergePnpmWorkspace(merged, "packages:\n  - svc\n"))).toBe(merged);
  });
});

describe("mergeSections with a CLAUDE.md that imports AGENTS.md itself", () => {
  it("does not import it a second time, neither when adding the section nor on a rerun", () => {
    const current = "@AGENTS.md\n\nMy notes.\n";
    const ours = markedSection("shared", "@AGENTS.md\n\nThe plugin enforces the rules.\n");
    const once = mergeSections(current, ours);
    expect(once.ok).toBe(true);
    const merged = once.ok ? once.text : "";
    expect(merged.match(/^@AGENTS\.md$/gm)).toHaveLength(1);
    expect(merged.startsWith(current)).toBe(true);
    const again = mergeSections(merged, ours);
    expect(again.ok ? again.text : "").toBe(merged);
  });
});
