import { findValueOccurrences, type NamedValue } from '../../../scripts/lib/core/named-values.ts';
import { parseTranscript } from '../../../scripts/lib/core/transcript.ts';

/** A named value in a transcript's output: 0-based line, columns half-open. */
export interface ValueMark {
  name: string;
  lineIndex: number;
  columnStart: number;
  columnEnd: number;
}

/**
 * Where a transcript's documented output shows one of the page's named values (a fact of the
 * machine, such as the kernel release): readers are told theirs will differ. Commands are
 * left alone, as the verifier leaves them.
 */
export function findNamedValues(code: string, values: readonly NamedValue[]): ValueMark[] {
  if (values.length === 0) return [];
  const lines = code.replace(/\r\n?/g, '\n').split('\n');
  return parseTranscript(code).steps.flatMap((step) => {
    const marks: ValueMark[] = [];
    for (let lineIndex = step.outputLines.start; lineIndex < step.outputLines.end; lineIndex++) {
      for (const { name, start, end } of findValueOccurrences(lines[lineIndex] ?? '', values)) {
        marks.push({ name, lineIndex, columnStart: start, columnEnd: end });
      }
    }
    return marks;
  });
}
