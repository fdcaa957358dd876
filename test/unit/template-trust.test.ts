import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  isTrusted,
  readUserConfig,
  rememberTrust,
  trustPrefix,
  userConfigPath,
} from "../../src/template/trust.js";
import { expectUsage, templateFixture } from "./template-support.js";

describe("remembered trust", () => {
  it("lives in $XDG_CONFIG_HOME/create-litclaude/config.json, else ~/.config", () => {
    expect(userConfigPath({ XDG_CONFIG_HOME: "/x" })).toBe("/x/create-litclaude/config.json");
    expect(userConfigPath({ HOME: "/h" })).toBe("/h/.config/create-litclaude/config.json");
  });

  it("covers a source by prefix, never by a partial name", () => {
    const config = { trustedSources: ["gh:acme/", "gh:solo/repo", "/srv/tpl"] };
    expect(isTrusted("gh:acme/web#v2", config)).toBe("gh:acme/");
    expect(isTrusted("gh:solo/repo/sub", config)).toBe("gh:solo/repo");
    expect(isTrusted("gh:solo/repo#main", config)).toBe("gh:solo/repo");
    expect(isTrusted("gh:solo/repository", config)).toBeUndefined();
    expect(isTrusted("/srv/tpl-evil", config)).toBeUndefined();
    expect(trustPrefix("gh:acme/web#v2")).toBe("gh:acme/web");
  });

  it("is written once per prefix and read back", async () => {
    const home = await templateFixture({});
    const env = { XDG_CONFIG_HOME: home };
    expect(await readUserConfig(env)).toEqual({});
    await rememberTrust("gh:acme/web#v1", env);
    await rememberTrust("gh:acme/web#v2", env);
    const config = await readUserConfig(env);
    expect(config.trustedSources).toEqual(["gh:acme/web"]);
    expect(isTrusted("gh:acme/web#v3", config)).toBe("gh:acme/web");
  });

  it("refuses a config file zod does not accept, naming the path in it", async () => {
    const home = await templateFixture({});
    const file = userConfigPath({ XDG_CONFIG_HOME: home });
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, '{"trustedSources": [""]}');
    const error = await expectUsage(
      readUserConfig({ XDG_CONFIG_HOME: home }),
      /trustedSources\[0\]: a trusted source is empty/,
    );
    expect(error.location?.file).toBe(file);
    await writeFile(file, "{");
    await expectUsage(readUserConfig({ XDG_CONFIG_HOME: home }), /not valid JSON/);
    expect(await readFile(join(home, "create-litclaude", "config.json"), "utf8")).toBe("{");
  });
});
