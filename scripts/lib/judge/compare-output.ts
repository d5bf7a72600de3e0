import type { NamedValue } from '../core/named-values.ts';
import type { MatchSettings } from '../core/options.ts';
import type { ListingContext } from '../extract/listing-commands.ts';
import { type Alignment, alignLines } from './align-lines.ts';
import { expandElisions } from './elisions.ts';
import { applyFilters, type Line, redactWith, toLines } from './filters.ts';
import { dropImplicitPull } from './implicit-pull.ts';
import { findListingRows } from './listing-rows.ts';
import { type CapturedValue, createValueMatcher, markValues } from './match-values.ts';
import { pairValues, type ValuePair } from './pair-values.ts';

export interface OutputComparison {
  matches: boolean;
  /** Documented lines after display filters; `origin` indexes the documented raw lines. */
  expected: Line[];
  /** Actual output as a terminal finally shows it: what `--update` would write. */
  actual: Line[];
  alignment: Alignment;
  /** What the named values shown in matching lines were in the actual output, in order. */
  values: CapturedValue[];
  /** The IDs, digests and sizes shown in matching lines, each with what was printed there. */
  pairs: ValuePair[];
}

const texts = (lines: readonly Line[]) => lines.map((line) => line.text);

type Matching = Pick<MatchSettings, 'elisions' | 'redactions' | 'unshown'>;

const strict: Matching = { unshown: 'empty', elisions: false, redactions: [] };

/**
 * Compares documented output with actual output. Both sides go through the display filters
 * (and, where output not shown is not checked, a first pull the docs leave out is left out),
 * then the project's and page's own redactions, then the built-in ones; only then are
 * wildcards (elisions such as `…` among them, when enabled) and named values honoured, and
 * only on the documented side. A listing of everything (`docker ps -a`) is read as its
 * reader reads it (listing-rows.ts): rows the page did not create are compared by shape.
 */
export function compareOutput(
  documented: readonly string[],
  actualLines: readonly string[],
  match: Matching = strict,
  values: readonly NamedValue[] = [],
  listing?: { command: string; context: ListingContext },
): OutputComparison {
  const expected = applyFilters(toLines(documented), 'display');
  const shown = applyFilters(toLines(actualLines), 'display');
  let actual = match.unshown === 'unchecked' ? dropImplicitPull(expected, shown) : shown;
  const written = match.elisions
    ? expected.map((line) => ({ ...line, text: expandElisions(line.text) }))
    : expected;
  const expectedRedacted = applyFilters(
    markValues(redactWith(written, match.redactions), values),
    'redact',
  );
  let actualRedacted = applyFilters(redactWith(actual, match.redactions), 'redact');
  const expectedTexts = texts(expectedRedacted);
  const matcher = createValueMatcher(values);
  const rows = listing
    ? findListingRows(listing.command, texts(expected), texts(actual), listing.context, (index) =>
        expectedTexts.some((line) => matcher.matches(line, actualRedacted[index]?.text ?? '')),
      )
    : undefined;
  if (rows && rows.foreign.size > 0) {
    actual = actual.filter((_, index) => !rows.foreign.has(index));
    actualRedacted = actualRedacted.filter((_, index) => !rows.foreign.has(index));
  }
  const actualTexts = texts(actualRedacted);
  const alignment = alignLines(expectedTexts, actualTexts, matcher.matches, (index) =>
    rows ? rows.optional.has(index) : false,
  );
  const captured: CapturedValue[] = [];
  const pairs: ValuePair[] = [];
  for (const op of alignment.ops) {
    if (op.op !== 'same') continue;
    const origin = expected[op.expected]?.origin ?? 0;
    for (const value of matcher.capture(
      expectedTexts[op.expected] ?? '',
      actualTexts[op.actual] ?? '',
    ))
      captured.push({ ...value, origin });
    const shown = expectedRedacted[op.expected];
    const printed = actualRedacted[op.actual];
    if (shown && printed) pairs.push(...pairValues({ ...shown, origin }, printed, values));
  }
  return { matches: alignment.matches, expected, actual, alignment, values: captured, pairs };
}
