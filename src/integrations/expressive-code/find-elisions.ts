import { parseTranscript } from '../../../scripts/lib/core/transcript.ts';
import { isLinesWildcard, lineWildcard } from '../../../scripts/lib/core/wildcards.ts';

/** A verifier wildcard in a transcript's output: 0-based line, columns half-open. */
export interface Elision {
  lineIndex: number;
  columnStart: number;
  columnEnd: number;
}

/**
 * Where a transcript's documented output says "this varies": `[..]` inside a line, or a line
 * that is exactly `...`. Commands are left alone; there the same characters are shell.
 */
export function findElisions(code: string): Elision[] {
  const lines = code.replace(/\r\n?/g, '\n').split('\n');
  const elisions: Elision[] = [];
  for (const step of parseTranscript(code).steps) {
    for (let lineIndex = step.outputLines.start; lineIndex < step.outputLines.end; lineIndex++) {
      const line = lines[lineIndex] ?? '';
      if (isLinesWildcard(line)) {
        elisions.push({ lineIndex, columnStart: 0, columnEnd: line.length });
        continue;
      }
      for (
        let at = line.indexOf(lineWildcard);
        at !== -1;
        at = line.indexOf(lineWildcard, at + 1)
      ) {
        elisions.push({ lineIndex, columnStart: at, columnEnd: at + lineWildcard.length });
      }
    }
  }
  return elisions;
}
