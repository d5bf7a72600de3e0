import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  readPageDurations,
  writePageDurations,
} from '../../../scripts/lib/orchestrate/page-durations.ts';

describe('page durations file', () => {
  it('round-trips, and reads a missing or broken file as no history', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'dfv-durations-')), 'durations.json');
    expect(await readPageDurations(file)).toEqual({});
    await writePageDurations(
      [{ file: 'a.md', leg: 'sandbox', results: [], values: [], ids: [], durationMs: 1234.4 }],
      { other: 5 },
      file,
    );
    expect(await readPageDurations(file)).toEqual({ other: 5, [resolve('a.md')]: 1234 });
  });

  it.each([
    ['durations', '{"/a.md": 0, "/b.md": 1234}', { '/a.md': 0, '/b.md': 1234 }],
    ['no page', '{}', {}],
    ['a negative duration', '{"/a.md": 5, "/b.md": -1}', {}],
    ['a duration as text', '{"/a.md": "5"}', {}],
    ['a list', '[5]', {}],
    ['a number', '5', {}],
    ['null', 'null', {}],
    ['broken JSON', '{"/a.md": 5', {}],
  ])('reads a file of %s as the schema does', async (_, text, expected) => {
    const file = join(await mkdtemp(join(tmpdir(), 'dfv-durations-')), 'durations.json');
    await writeFile(file, text);
    expect(await readPageDurations(file)).toEqual(expected);
  });
});
