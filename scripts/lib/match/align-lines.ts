import { isLinesWildcard, lineMatches } from './wildcards.ts';

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

/**
 * Aligns normalized documented lines with normalized actual lines, minimizing the number of
 * removed and added lines (an edit distance where `...` absorbs any run for free). A zero
 * cost means the output matches. The same alignment drives the diff and `--update`, so
 * what the diff shows as unchanged is exactly what an update keeps.
 */
export function alignLines(expected: readonly string[], actual: readonly string[]): Alignment {
  const rows = expected.length + 1;
  const columns = actual.length + 1;
  // cost[i][j]: cheapest alignment of expected[i..] with actual[j..].
  const cost = new Uint32Array(rows * columns);
  const at = (i: number, j: number) => i * columns + j;
  for (let i = expected.length; i >= 0; i--) {
    for (let j = actual.length; j >= 0; j--) {
      if (i === expected.length) {
        cost[at(i, j)] = actual.length - j;
        continue;
      }
      const line = expected[i] ?? '';
      let best = 1 + (cost[at(i + 1, j)] ?? 0);
      if (j < actual.length) {
        best = Math.min(best, 1 + (cost[at(i, j + 1)] ?? 0));
        if (isLinesWildcard(line)) best = Math.min(best, cost[at(i, j + 1)] ?? 0);
        else if (lineMatches(line, actual[j] ?? ''))
          best = Math.min(best, cost[at(i + 1, j + 1)] ?? 0);
      }
      if (isLinesWildcard(line)) best = Math.min(best, cost[at(i + 1, j)] ?? 0);
      cost[at(i, j)] = best;
    }
  }
  return { matches: cost[0] === 0, ops: walk(expected, actual, cost, columns) };
}

/** Follows the cheapest path, preferring matches, then wildcards, then edits. */
function walk(
  expected: readonly string[],
  actual: readonly string[],
  cost: Uint32Array,
  columns: number,
): AlignmentOp[] {
  const at = (i: number, j: number) => cost[i * columns + j] ?? 0;
  const ops: AlignmentOp[] = [];
  let i = 0;
  let j = 0;
  let wildcard: { op: 'wildcard'; expected: number; actual: number[] } | undefined;
  while (i < expected.length || j < actual.length) {
    const here = at(i, j);
    const line = expected[i] ?? '';
    const isWildcard = i < expected.length && isLinesWildcard(line);
    if (isWildcard && !wildcard) {
      wildcard = { op: 'wildcard', expected: i, actual: [] };
      ops.push(wildcard);
    }
    if (
      i < expected.length &&
      j < actual.length &&
      !isWildcard &&
      lineMatches(line, actual[j] ?? '') &&
      here === at(i + 1, j + 1)
    ) {
      ops.push({ op: 'same', expected: i, actual: j });
      i++;
      j++;
    } else if (isWildcard && j < actual.length && here === at(i, j + 1)) {
      wildcard?.actual.push(j);
      j++;
    } else if (isWildcard && here === at(i + 1, j)) {
      wildcard = undefined;
      i++;
    } else if (i < expected.length && here === 1 + at(i + 1, j)) {
      if (!isWildcard) ops.push({ op: 'removed', expected: i });
      wildcard = undefined;
      i++;
    } else {
      ops.push({ op: 'added', actual: j });
      j++;
    }
  }
  return ops;
}
