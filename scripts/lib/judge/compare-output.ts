import { type Alignment, alignLines } from './align-lines.ts';
import { applyFilters, type Line, toLines } from './filters.ts';

export interface OutputComparison {
  matches: boolean;
  /** Documented lines after display filters; `origin` indexes the documented raw lines. */
  expected: Line[];
  /** Actual output as a terminal finally shows it: what `--update` would write. */
  actual: Line[];
  alignment: Alignment;
}

const texts = (lines: readonly Line[]) => lines.map((line) => line.text);

/**
 * Compares documented output with actual output. Both sides go through the display and
 * redaction filters; only then are wildcards honoured, and only on the documented side.
 */
export function compareOutput(
  documented: readonly string[],
  actualLines: readonly string[],
): OutputComparison {
  const expected = applyFilters(toLines(documented), 'display');
  const actual = applyFilters(toLines(actualLines), 'display');
  const alignment = alignLines(
    texts(applyFilters(expected, 'redact')),
    texts(applyFilters(actual, 'redact')),
  );
  return { matches: alignment.matches, expected, actual, alignment };
}
