import { isLinesWildcard, lineMatches } from '../core/wildcards.ts';

/**
 * One step of an alignment of documented lines against actual lines:
 * - `same`: the documented line matches the actual one;
 * - `wildcard`: a `...` line, standing for `actual` (possibly empty) lines;
 * - `removed`: a documented line with no actual counterpart;
 * - `added`: an actual line the documentation lacks.
 */
export type AlignmentOp =
  | { op: 'same'; expected: number; actual: number }
  | { op: 'wildcard'; expected: number; actual: number[] }
  | { op: 'removed'; expected: number }
  | { op: 'added'; actual: number };

export interface Alignment {
  matches: boolean;
  ops: AlignmentOp[];
}

/** Whether a documented line (normalized) matches an actual one. */
export type LineMatch = (expected: string, actual: string) => boolean;

/**
 * Aligns normalized documented lines with normalized actual lines: fewest removed, added and
 * changed lines first (an edit distance where `...` absorbs any run for free), then most
 * lines kept as they are, so an identical line is never shown as a changed pair. The cost is
 * `edits × weight − kept`, with a weight above any number of kept lines: no edit at all
 * (a match) is a cost of zero or less. The same alignment drives the diff and `--update`, so
 * what the diff shows as unchanged is exactly what an update keeps.
 */
export function alignLines(
  expected: readonly string[],
  actual: readonly string[],
  isMatch: LineMatch = lineMatches,
  isOptional: (index: number) => boolean = () => false,
): Alignment {
  const rows = expected.length + 1;
  const columns = actual.length + 1;
  const weight = Math.min(expected.length, actual.length) + 1;
  // cost[i][j]: cheapest alignment of expected[i..] with actual[j..].
  const cost = new Float64Array(rows * columns);
  const at = (i: number, j: number) => i * columns + j;
  for (let i = expected.length; i >= 0; i--) {
    for (let j = actual.length; j >= 0; j--) {
      cost[at(i, j)] = cheapest(
        expected,
        actual,
        { i, j, weight },
        (row, column) => cost[at(row, column)] ?? 0,
        isMatch,
        isOptional,
      );
    }
  }
  return {
    matches: (cost[0] ?? 0) <= 0,
    ops: walk(expected, actual, { cost, columns, weight }, isMatch, isOptional),
  };
}

type CostAt = (i: number, j: number) => number;

/**
 * The cost of aligning expected[i..] with actual[j..] given the costs further on. A changed
 * line (substitution) is one edit, as a removed or an added one is, so a drift pairs the old
 * line with the new one instead of letting a `...` swallow the new one; among as few edits,
 * a kept line lowers the cost, so an identical line is never shown as a changed pair.
 */
function cheapest(
  expected: readonly string[],
  actual: readonly string[],
  { i, j, weight }: { i: number; j: number; weight: number },
  costAt: CostAt,
  isMatch: LineMatch,
  isOptional: (index: number) => boolean,
): number {
  if (i === expected.length) return weight * (actual.length - j);
  const line = expected[i] ?? '';
  const isWildcard = isLinesWildcard(line);
  let best = weight + costAt(i + 1, j);
  if (isWildcard || isOptional(i)) best = Math.min(best, costAt(i + 1, j));
  if (j < actual.length) {
    best = Math.min(best, weight + costAt(i, j + 1));
    if (isWildcard) best = Math.min(best, costAt(i, j + 1));
    else if (isMatch(line, actual[j] ?? '')) best = Math.min(best, costAt(i + 1, j + 1) - 1);
    else best = Math.min(best, weight + costAt(i + 1, j + 1));
  }
  return best;
}

/**
 * Follows a cheapest path. On ties it prefers a matching line, then a `...` that stands for
 * as few lines as possible, then an added line (documented lines are kept where they can
 * be, so `--update` churns as little as possible), then a changed line, then a removed one.
 * An optional line (a row the page did not create, judge/listing-rows.ts) that matches no
 * printed line stands for none, as a `...` would, and is kept.
 */
function walk(
  expected: readonly string[],
  actual: readonly string[],
  { cost, columns, weight }: { cost: Float64Array; columns: number; weight: number },
  isMatch: LineMatch,
  isOptional: (index: number) => boolean,
): AlignmentOp[] {
  const at = (i: number, j: number) => cost[i * columns + j] ?? 0;
  const ops: AlignmentOp[] = [];
  let i = 0;
  let j = 0;
  let wildcard: { op: 'wildcard'; expected: number; actual: number[] } | undefined;
  while (i < expected.length || j < actual.length) {
    const here = at(i, j);
    const line = expected[i] ?? '';
    const hasExpected = i < expected.length;
    const hasActual = j < actual.length;
    const isWildcard = hasExpected && isLinesWildcard(line);
    if (isWildcard) {
      if (!wildcard) {
        wildcard = { op: 'wildcard', expected: i, actual: [] };
        ops.push(wildcard);
      }
      if (here === at(i + 1, j) || !hasActual) {
        wildcard = undefined;
        i++;
      } else {
        wildcard.actual.push(j);
        j++;
      }
    } else if (
      hasExpected &&
      hasActual &&
      isMatch(line, actual[j] ?? '') &&
      here === at(i + 1, j + 1) - 1
    ) {
      ops.push({ op: 'same', expected: i, actual: j });
      i++;
      j++;
    } else if (hasExpected && isOptional(i) && here === at(i + 1, j)) {
      ops.push({ op: 'wildcard', expected: i, actual: [] });
      i++;
    } else if (hasActual && here === weight + at(i, j + 1)) {
      ops.push({ op: 'added', actual: j });
      j++;
    } else if (hasExpected && hasActual && here === weight + at(i + 1, j + 1)) {
      ops.push({ op: 'removed', expected: i }, { op: 'added', actual: j });
      i++;
      j++;
    } else if (hasExpected && here === weight + at(i + 1, j)) {
      ops.push({ op: 'removed', expected: i });
      i++;
    } else {
      ops.push({ op: 'added', actual: j });
      j++;
    }
  }
  return ops;
}
