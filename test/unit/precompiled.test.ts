import { describe, expect, it } from "vitest";
import { builtinLayers, builtinPartials } from "../../src/core/layers.js";
import { KINDS, LANGUAGES } from "../../src/core/options.js";
import { packageRoot } from "../../src/core/package-root.js";
import { templateSources } from "../../src/core/render.js";
import { sourceKey as runtimeKey } from "../../src/core/template-engine.js";
import { builtinSources, sourceKey as buildKey } from "../../.config/precompile-templates.mjs";

describe("precompiled templates", () => {
  it("cover every source a built-in project renders (test/e2e/precompiled.e2e.test.ts checks the built bin)", async () => {
    for (const lang of LANGUAGES) {
      const built = new Set((await builtinSources(packageRoot(), lang)).map(buildKey));
      const partials = Object.values(await builtinPartials(lang));
      for (const kind of KINDS) {
        const sources = [...templateSources(await builtinLayers(lang, kind)), ...partials];
        const missing = sources.filter((source) => !built.has(runtimeKey(source)));
        expect(missing, `${lang}/${kind}`).toEqual([]);
      }
    }
  });
});
