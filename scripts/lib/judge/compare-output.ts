import type { NamedValue } from '../core/named-values.ts';
import { type Alignment, alignLines } from './align-lines.ts';
import { applyFilters, type Line, toLines } from './filters.ts';
import { type CapturedValue, createValueMatcher, markValues } from './match-values.ts';

export interface OutputComparison {
  matches: boolean;
  /** Documented lines after display filters; `origin` indexes the documented raw lines. */
  expected: Line[];
  /** Actual output as a terminal finally shows it: what `--update` would write. */
  actual: Line[];
  alignment: Alignment;
  /** What the named values shown in matching lines were in the actual output, in order. */
  values: CapturedValue[];
}

const texts = (lines: readonly Line[]) => lines.map((line) => line.text);

/**
 * Compares documented output with actual output. Both sides go through the display and
 * redaction filters; only then are wildcards and named values honoured, and only on the
 * documented side.
 */
export function compareOutput(
  documented: readonly string[],
  actualLines: readonly string[],
  values: readonly NamedValue[] = [],
): OutputComparison {
  const expected = applyFilters(toLines(documented), 'display');
  const actual = applyFilters(toLines(actualLines), 'display');
  const expectedTexts = texts(applyFilters(markValues(expected, values), 'redact'));
  const actualTexts = texts(applyFilters(actual, 'redact'));
  const matcher = createValueMatcher(values);
  const alignment = alignLines(expectedTexts, actualTexts, matcher.matches);
  const captured = alignment.ops.flatMap((op) =>
    op.op === 'same'
      ? matcher
          .capture(expectedTexts[op.expected] ?? '', actualTexts[op.actual] ?? '')
          .map((value) => ({ ...value, origin: expected[op.expected]?.origin ?? 0 }))
      : [],
  );
  return { matches: alignment.matches, expected, actual, alignment, values: captured };
}
