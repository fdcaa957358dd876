import { sameBytes } from "./files.js";

function isBinary(bytes: Uint8Array): boolean {
  return bytes.includes(0);
}

/** A unified diff from what a file holds to what we would write; loaded only when one is shown. */
export async function unifiedDiff(
  path: string,
  current: Uint8Array,
  incoming: Uint8Array,
): Promise<string> {
  if (sameBytes(current, incoming)) return "";
  if (isBinary(current) || isBinary(incoming)) return `Binary files ${path} differ\n`;
  const { createTwoFilesPatch } = await import("diff");
  const decoder = new TextDecoder();
  return createTwoFilesPatch(
    `a/${path}`,
    `b/${path}`,
    decoder.decode(current),
    decoder.decode(incoming),
    undefined,
    undefined,
    { context: 3 },
  )
    .split("\n")
    .filter((line) => !line.startsWith("===="))
    .join("\n");
}
