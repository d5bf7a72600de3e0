import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDuration,
  formatMeasuredDuration,
} from '../../../scripts/lib/core/format.ts';

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [849.6, '850ms'],
    [1000, '1.0s'],
    [12_345, '12.3s'],
    [59_949, '59.9s'],
    [59_950, '1m 00s'],
    [125_000, '2m 05s'],
  ])('%d ms', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

describe('formatMeasuredDuration and formatBytes', () => {
  it.each([
    [4.2, '4.20 ms'],
    [850.4, '850 ms'],
    [12_400, '12.40 s'],
    [123_456, '123.5 s'],
    [1_890_000, '31.5 min'],
    [-113, '−113 ms'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatMeasuredDuration(ms)).toBe(text);
  });

  it('writes bytes in kB above 1000', () => {
    expect([0, 999, 93_819].map(formatBytes)).toEqual(['0 B', '999 B', '93.8 kB']);
  });
});
