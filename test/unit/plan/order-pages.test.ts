import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orderByExpectedDuration } from '../../../scripts/lib/plan/order-pages.ts';

const pages = [
  { file: 'a.md', weight: 5 },
  { file: 'b.md', weight: 1 },
  { file: 'c.md', weight: 9 },
  { file: 'd.md', weight: 1 },
];

describe('orderByExpectedDuration', () => {
  it('starts the pages that took longest last time first, then the rest by command count', () => {
    const durations = { [resolve('b.md')]: 9000, [resolve('a.md')]: 100 };
    expect(orderByExpectedDuration(pages, durations)).toEqual([1, 0, 2, 3]);
  });

  it('goes by command count without history, keeping page order on ties', () => {
    expect(orderByExpectedDuration(pages, {})).toEqual([2, 0, 1, 3]);
  });
});
