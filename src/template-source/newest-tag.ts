import type { TemplateRef, TemplateRefs } from "./types.js";

interface Version {
  readonly numbers: readonly number[];
  readonly prerelease: string | undefined;
}

/** `v1.2.3`, `1.2`, `v2.0.0-rc.1`: a tag that names a version; anything else is not one. */
function versionOf(tag: string): Version | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?$/.exec(tag);
  if (match === null) return undefined;
  const [, major = "0", minor = "0", patch = "0", prerelease] = match;
  return { numbers: [major, minor, patch].map(Number), prerelease };
}

function compareVersions(a: Version, b: Version): number {
  for (let index = 0; index < 3; index += 1) {
    const difference = (a.numbers[index] ?? 0) - (b.numbers[index] ?? 0);
    if (difference !== 0) return difference;
  }
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === undefined) return 1;
  if (b.prerelease === undefined) return -1;
  return a.prerelease.localeCompare(b.prerelease, "en", { numeric: true });
}

/**
 * The tag naming the highest version (numbers compared as numbers, a release above its
 * pre-releases unless `prereleases`), or undefined when no tag names a version.
 */
export function newestTag(
  refs: Pick<TemplateRefs, "refs">,
  options: { readonly prereleases?: boolean } = {},
): TemplateRef | undefined {
  let best: { readonly ref: TemplateRef; readonly version: Version } | undefined;
  for (const ref of refs.refs) {
    if (ref.kind !== "tag") continue;
    const version = versionOf(ref.name);
    if (version === undefined) continue;
    if (version.prerelease !== undefined && options.prereleases !== true) continue;
    if (best === undefined || compareVersions(version, best.version) > 0) best = { ref, version };
  }
  return best?.ref;
}
