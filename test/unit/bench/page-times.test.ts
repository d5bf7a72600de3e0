import { describe, expect, it } from 'vitest';
import { addPageTime, type PageTimes } from '../../../bench/lib/page-times.ts';

describe('addPageTime', () => {
  it('appends each page time in order, starting a list for a new page', () => {
    const times: PageTimes = new Map();
    addPageTime(times, 'a.md', 3);
    addPageTime(times, 'b.md', 5);
    addPageTime(times, 'a.md', 4);
    expect([...times]).toEqual([
      ['a.md', [3, 4]],
      ['b.md', [5]],
    ]);
  });
});
