import { describe, expect, test } from "vitest";
import { newestTag } from "../../../src/template-source/index.js";

const tags = (...names: readonly string[]) => ({
  refs: names.map((name, index) => ({
    name,
    kind: "tag" as const,
    commit: String(index).repeat(40),
  })),
});

describe("newestTag", () => {
  test("numbers compare as numbers", () => {
    expect(newestTag(tags("v1.2.9", "v1.2.10", "v1.10.0", "v1.9.9"))?.name).toBe("v1.10.0");
  });

  test("a release above its pre-releases, which count only when asked for", () => {
    expect(newestTag(tags("v2.0.0-rc.1", "v1.9.0"))?.name).toBe("v1.9.0");
    expect(
      newestTag(tags("v2.0.0-rc.2", "v2.0.0-rc.10", "v1.9.0"), { prereleases: true })?.name,
    ).toBe("v2.0.0-rc.10");
    expect(newestTag(tags("v2.0.0-rc.1", "v2.0.0"), { prereleases: true })?.name).toBe("v2.0.0");
  });

  test("tags that are not versions, and branches, are left out", () => {
    const refs = {
      refs: [
        ...tags("latest", "release-2024", "1.4").refs,
        { name: "v9.0.0", kind: "branch" as const, commit: "f".repeat(40) },
      ],
    };
    expect(newestTag(refs)?.name).toBe("1.4");
    expect(newestTag(tags("latest"))).toBeUndefined();
  });
});
