import { describe, expect, it } from "vitest";
import { parseMarketplaceSource } from "../../src/plugin/marketplace-source.js";

describe("parseMarketplaceSource", () => {
  it.each([
    ["npm:create-litclaude", { source: "npm", package: "create-litclaude" }],
    ["github:acme/tools#v2", { source: "github", repo: "acme/tools", ref: "v2" }],
    ["acme/tools", { source: "github", repo: "acme/tools" }],
    [
      "https://git.example.com/acme/tools.git#main",
      { source: "git", url: "https://git.example.com/acme/tools.git", ref: "main" },
    ],
    ["git@example.com:acme/tools.git", { source: "git", url: "git@example.com:acme/tools.git" }],
    [
      "https://example.com/m/marketplace.json",
      { source: "url", url: "https://example.com/m/marketplace.json" },
    ],
    ["./vendor/litclaude", { source: "directory", path: "./vendor/litclaude" }],
    ["/opt/litclaude", { source: "directory", path: "/opt/litclaude" }],
  ])("reads %s", (text, source) => {
    expect(parseMarketplaceSource(text)).toEqual({ ok: true, source });
  });

  it.each(["", "npm:", "just-a-word", "http://example.com/x.git", "github:nope"])(
    "rejects %j and names the accepted forms",
    (text) => {
      const result = parseMarketplaceSource(text);
      expect(result.ok).toBe(false);
      expect(result.ok ? "" : result.reason).toContain("npm:<package>");
    },
  );
});
