import { describe, expect, it } from 'vitest';
import { scheduleInOrder } from '../../../bench/lib/schedule.ts';
import { busyShare, parseProcStat } from '../../../scripts/lib/system/cpu-times.ts';

describe('scheduleInOrder', () => {
  it.each([
    { durations: [4, 4, 4, 4], workers: 2, expected: 8 },
    { durations: [1, 10, 1, 1], workers: 2, expected: 10 },
    // A long page last waits for the others: order matters.
    { durations: [1, 1, 1, 10], workers: 2, expected: 11 },
    { durations: [3, 2], workers: 1, expected: 5 },
    { durations: [], workers: 2, expected: 0 },
  ])('$durations on $workers workers take $expected', ({ durations, workers, expected }) => {
    expect(scheduleInOrder(durations, workers)).toBe(expected);
  });
});

describe('CPU usage', () => {
  it('reads busy and total jiffies from /proc/stat', () => {
    const text = 'cpu  100 5 50 800 20 1 4 0 0 0\ncpu0 50 2 25 400 10 0 2 0 0 0\n';
    expect(parseProcStat(text)).toEqual({ busy: 160, total: 980 });
  });

  it('gives the busy share between two readings', () => {
    expect(busyShare({ busy: 100, total: 400 }, { busy: 250, total: 600 })).toBe(0.75);
    expect(busyShare({ busy: 1, total: 1 }, { busy: 1, total: 1 })).toBe(0);
  });
});
