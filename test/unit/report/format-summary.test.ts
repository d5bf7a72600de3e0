import { describe, expect, it } from 'vitest';
import type { StatusCounts } from '../../../scripts/lib/judge/results.ts';
import { formatCounts } from '../../../scripts/lib/report/format-summary.ts';

const counts = (partial: Partial<StatusCounts>): StatusCounts => ({
  pass: 0,
  drift: 0,
  failed: 0,
  timeout: 0,
  skipped: 0,
  excluded: 0,
  error: 0,
  ...partial,
});

describe('formatCounts', () => {
  it.each([
    [{}, '0 passed, 0 failed, 0 skipped'],
    [{ pass: 3, skipped: 1 }, '3 passed, 0 failed, 1 skipped'],
    [{ pass: 1, drift: 1, failed: 2, timeout: 1 }, '1 passed, 4 failed, 0 skipped'],
    [{ pass: 1, error: 1 }, '1 passed, 0 failed, 0 skipped, 1 errors'],
  ])('%o', (partial, expected) => {
    expect(formatCounts(counts(partial))).toBe(expected);
  });

  it('counts blocks no leg verified after the rest, and never the ones other legs ran', () => {
    expect(formatCounts(counts({ pass: 2, excluded: 3 }), 1)).toBe(
      '2 passed, 0 failed, 0 skipped, 1 not verified',
    );
  });
});
