/**
 * Heredocs in a command line: `<<EOF`, `<<'EOF'`, `<<"EOF"`, `<<-EOF`. Their bodies belong
 * to the command, written with or without the shell's `> ` continuation prompt. Pure.
 */

export interface HeredocDelimiter {
  word: string;
  /** `<<-`: leading tabs of the body and of the closing line are ignored. */
  isIndented: boolean;
}

const operator = /(?<!<)<<(-?)[ \t]*(?:'([^']+)'|"([^"]+)"|\\?([A-Za-z_][\w.-]*))/g;

/** The delimiters of the heredocs a command line opens, in order. */
export function findHeredocDelimiters(line: string): HeredocDelimiter[] {
  const found: HeredocDelimiter[] = [];
  for (const match of line.matchAll(operator)) {
    const word = match[2] ?? match[3] ?? match[4];
    if (word) found.push({ word, isIndented: match[1] === '-' });
  }
  return found;
}

/** Whether `line` closes the heredoc of `delimiter`. */
export function isHeredocEnd(line: string, delimiter: HeredocDelimiter | undefined): boolean {
  if (!delimiter) return false;
  const text = delimiter.isIndented ? line.replace(/^\t+/, '') : line;
  return text === delimiter.word;
}
