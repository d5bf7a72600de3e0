import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  orderByExpectedDuration,
  readPageDurations,
  writePageDurations,
} from '../../../scripts/lib/plan/page-durations.ts';

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

describe('page durations file', () => {
  it('round-trips, and reads a missing or broken file as no history', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'dfv-durations-')), 'durations.json');
    expect(await readPageDurations(file)).toEqual({});
    await writePageDurations(
      [{ file: 'a.md', leg: 'sandbox', results: [], values: [], durationMs: 1234.4 }],
      { other: 5 },
      file,
    );
    expect(await readPageDurations(file)).toEqual({ other: 5, [resolve('a.md')]: 1234 });
  });
});
