import type { MatchSettings } from '../core/options.ts';
import { type Alignment, alignLines } from './align-lines.ts';
import { expandElisions } from './elisions.ts';
import { applyFilters, type Line, redactWith, toLines } from './filters.ts';

export interface OutputComparison {
  matches: boolean;
  /** Documented lines after display filters; `origin` indexes the documented raw lines. */
  expected: Line[];
  /** Actual output as a terminal finally shows it: what `--update` would write. */
  actual: Line[];
  alignment: Alignment;
}

const texts = (lines: readonly Line[]) => lines.map((line) => line.text);

const strict: Pick<MatchSettings, 'elisions' | 'redactions'> = { elisions: false, redactions: [] };

/**
 * Compares documented output with actual output. Both sides go through the display filters,
 * then the project's and page's own redactions, then the built-in ones; only then are
 * wildcards honoured, and only on the documented side (elisions such as `…` among them,
 * when enabled).
 */
export function compareOutput(
  documented: readonly string[],
  actualLines: readonly string[],
  match: Pick<MatchSettings, 'elisions' | 'redactions'> = strict,
): OutputComparison {
  const expected = applyFilters(toLines(documented), 'display');
  const actual = applyFilters(toLines(actualLines), 'display');
  const written = match.elisions
    ? expected.map((line) => ({ ...line, text: expandElisions(line.text) }))
    : expected;
  const redact = (lines: readonly Line[]) =>
    texts(applyFilters(redactWith(lines, match.redactions), 'redact'));
  const alignment = alignLines(redact(written), redact(actual));
  return { matches: alignment.matches, expected, actual, alignment };
}
