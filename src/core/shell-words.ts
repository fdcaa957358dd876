const PLAIN_WORD = /^[\w@%+=:,./-]+$/;

/** Joins words into one line a POSIX shell reads back as the same words. */
export function shellLine(words: readonly string[]): string {
  return words
    .map((word) => (PLAIN_WORD.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`))
    .join(" ");
}
