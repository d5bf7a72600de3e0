/**
 * Quotes one word for a POSIX shell (bash, and the shellwords parser of mmdebstrap's hooks):
 * single quotes, with each `'` closed, escaped and reopened. Pure.
 */
export function quoteShellWord(word: string): string {
  return `'${word.replaceAll("'", "'\\''")}'`;
}
