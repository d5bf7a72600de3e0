import { describe, expect, it } from 'vitest';
import { median, pairedRatios, ratioOfMedians, summarize } from '../../../bench/lib/stats.ts';

describe('median', () => {
  it.each([
    { values: [5], expected: 5 },
    { values: [3, 1, 2], expected: 2 },
    { values: [4, 1, 3, 2], expected: 2.5 },
    { values: [10, 10, 1000], expected: 10 },
  ])('of $values is $expected', ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses no values', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('gives count, median and the min–max spread', () => {
    expect(summarize([12, 10, 30, 11])).toEqual({ count: 4, median: 11.5, min: 10, max: 30 });
  });
});

describe('ratios', () => {
  it('divides the medians', () => {
    expect(ratioOfMedians([10, 12, 11], [5, 6, 100])).toBe(11 / 6);
  });

  it('pairs rounds for the spread of the ratio, skipping a missing or zero baseline', () => {
    expect(pairedRatios([10, 12, 9], [5, 0])).toEqual([2]);
    expect(pairedRatios([10, 12], [5, 4])).toEqual([2, 3]);
  });
});
