/** How much a team template may hold; anything past these is refused before a file is written. */
export const TEMPLATE_LIMITS = {
  /** Bytes in one file. */
  maxFileBytes: 1024 * 1024,
  /** Files in the whole template. */
  maxFiles: 500,
  /** Bytes in all files together. */
  maxTotalBytes: 20 * 1024 * 1024,
} as const;
