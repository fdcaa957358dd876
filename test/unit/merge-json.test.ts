import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parse } from "jsonc-parser";
import { mergeJson, type JsonMergeResult } from "../../src/merge/json.js";

function merged(result: JsonMergeResult): string {
  if (!result.ok) throw new Error(`expected a merge, got: ${result.reason}`);
  return result.text;
}

function value(text: string): unknown {
  const parsed: unknown = parse(text);
  return parsed;
}

const ours = JSON.stringify(
  {
    enabledPlugins: { "litclaude@litclaude": true },
    extraKnownMarketplaces: { litclaude: { source: { source: "directory", path: "./m" } } },
    permissions: { allow: ["Bash(scripts/check)", "Read"] },
  },
  null,
  2,
);

describe("mergeJson", () => {
  it("returns the incoming text when there is no current content", () => {
    expect(merged(mergeJson("", ours))).toBe(ours);
    expect(merged(mergeJson("  \n", ours))).toBe(ours);
  });

  it("adds missing keys deeply and keeps every value the user set", () => {
    const current = JSON.stringify({
      enabledPlugins: { "litclaude@litclaude": false, "other@x": true },
      model: "opus",
      permissions: "user-owned",
    });
    expect(value(merged(mergeJson(current, ours)))).toEqual({
      enabledPlugins: { "litclaude@litclaude": false, "other@x": true },
      extraKnownMarketplaces: { litclaude: { source: { source: "directory", path: "./m" } } },
      model: "opus",
      permissions: "user-owned",
    });
  });

  it("unions arrays without duplicating items, including objects", () => {
    const current = JSON.stringify({ permissions: { allow: ["Read", "Edit"] }, hooks: [{ a: 1 }] });
    const incoming = JSON.stringify({
      permissions: { allow: ["Read", "Bash(scripts/check)", "Bash(scripts/check)"] },
      hooks: [{ a: 1 }, { a: 2 }],
    });
    expect(value(merged(mergeJson(current, incoming)))).toEqual({
      permissions: { allow: ["Read", "Edit", "Bash(scripts/check)"] },
      hooks: [{ a: 1 }, { a: 2 }],
    });
  });

  it("keeps the user's comments and formatting", () => {
    const current = '{\n\t// my model\n\t"model": "opus", /* keep */\n}\n';
    const text = merged(mergeJson(current, ours));
    expect(text).toContain("\t// my model\n");
    expect(text).toContain("/* keep */");
    expect(text).toContain('\n\t"enabledPlugins"');
    expect(value(text)).toMatchObject({
      model: "opus",
      enabledPlugins: { "litclaude@litclaude": true },
    });
  });

  it("is idempotent", () => {
    const current = '{\n    "permissions": { "allow": ["Edit"] }\n}\n';
    const once = merged(mergeJson(current, ours));
    expect(merged(mergeJson(once, ours))).toBe(once);
    expect(merged(mergeJson(ours, ours))).toBe(ours);
  });

  it("reports malformed JSON with its line and does not merge", () => {
    const result = mergeJson('{\n  "a": 1,\n  "b" 2\n}\n', ours);
    expect(result).toEqual({ ok: false, reason: "colon expected", line: 3, column: 7 });
  });

  it("refuses a top level that is not an object", () => {
    expect(mergeJson("[1, 2]", ours)).toMatchObject({ ok: false, line: 1 });
  });

  it("reports malformed incoming JSON as such", () => {
    const result = mergeJson("{}", "{ nope");
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toMatch(/^the JSON to merge in is malformed/);
  });
});

describe("mergeJson properties", () => {
  const objects = fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 3 }));

  it("keeps what the user set, adds what was missing, and is idempotent", () => {
    fc.assert(
      fc.property(objects, objects, (mine, theirs) => {
        const incoming = JSON.stringify(theirs, null, 2);
        const once = merged(mergeJson(JSON.stringify(mine, null, 2), incoming));
        const result = value(once);
        expect(merged(mergeJson(once, incoming))).toBe(once);
        expect(isRecord(result)).toBe(true);
        if (!isRecord(result)) return;
        for (const [key, item] of Object.entries(mine)) {
          if (!Array.isArray(item) && (typeof item !== "object" || item === null)) {
            // Compared as JSON text: the user's file holds text, where -0 is written as 0.
            expect(JSON.stringify(result[key])).toBe(JSON.stringify(item));
          }
        }
        for (const key of Object.keys(theirs)) expect(Object.hasOwn(result, key)).toBe(true);
      }),
      { examples: [[{ "": -0 }, {}]] },
    );
  });
});

function isRecord(input: unknown): input is Readonly<Record<string, unknown>> {
  return typeof input === "object" && input !== null && !Array.isArray(input);
}
