/** One file of a rendered project, held in memory until apply. */
export interface ProjectFile {
  /** Posix path relative to the project root. */
  readonly path: string;
  readonly content: string | Uint8Array;
  readonly executable: boolean;
}

export function contentBytes(content: string | Uint8Array): Uint8Array {
  return typeof content === "string" ? new TextEncoder().encode(content) : content;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
