/** Orders two `1.2.3` versions (a pre-release tag sorts before its release); <0, 0 or >0. */
export function compareVersions(a: string, b: string): number {
  const split = (version: string): [number[], string] => {
    const [core = "", tag = ""] = version.replace(/^v/, "").split("-", 2);
    return [core.split(".").map((part) => Number.parseInt(part, 10) || 0), tag];
  };
  const [coreA, tagA] = split(a);
  const [coreB, tagB] = split(b);
  for (let index = 0; index < Math.max(coreA.length, coreB.length); index += 1) {
    const diff = (coreA[index] ?? 0) - (coreB[index] ?? 0);
    if (diff !== 0) return diff;
  }
  if (tagA === tagB) return 0;
  if (tagA === "") return 1;
  if (tagB === "") return -1;
  return tagA < tagB ? -1 : 1;
}
