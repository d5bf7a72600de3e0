import { describe, expect, it } from 'vitest';
import { isSizeClose, parseSize } from '../../../scripts/lib/judge/check-sizes.ts';

describe('parseSize', () => {
  it.each([
    ['4.1kB', 4100, 50],
    ['29.8 MB', 29_800_000, 50_000],
    ['0B', 0, 0.5],
    ['744', 744, 0.5],
    ['1.5GiB', 1.5 * 1024 ** 3, 0.05 * 1024 ** 3],
  ])('reads %s', (text, bytes, rounding) => {
    const size = parseSize(text);
    expect(size?.bytes).toBeCloseTo(bytes);
    expect(size?.rounding).toBeCloseTo(rounding);
  });

  it('reads nothing that is not a size', () => {
    expect(parseSize('4.1 parsecs')).toBeUndefined();
  });
});

describe('isSizeClose', () => {
  it.each([
    ['the same text', '74.8MB', '74.8MB', 0.1, true],
    ['10% off', '74.8MB', '81.9MB', 0.1, true],
    ['more than 10% off', '74.8MB', '85MB', 0.1, false],
    ['a tiny size within a block', '4.1kB', '4.5kB', 0.1, true],
    ['a tiny size a block and more away', '4.1kB', '8.3kB', 0.1, false],
    ['a small size beyond a block and 10%', '12.3kB', '263B', 0.1, false],
    ['an empty layer on either store', '0B', '4.096kB', 0.1, true],
    ['another unit', '1.2MB', '1200kB', 0.1, true],
    ['binary units', '1MiB', '1.05MB', 0.1, true],
    ['more than a block from zero', '0B', '5kB', 0.1, false],
    ['bytes a byte off', '12B', '13B', 0.1, true],
    ['large sizes by the ratio only', '100MB', '100.005MB', 0, true],
    ['a wider tolerance', '74.8MB', '100MB', 0.5, true],
    ['any size', '1B', '9GB', Number.POSITIVE_INFINITY, true],
  ])('%s', (_name, shown, actual, tolerance, isClose) => {
    expect(isSizeClose(shown, actual, tolerance)).toBe(isClose);
  });
});
