import { describe, expect, it } from 'vitest';
import type { PageResult } from '../../../scripts/lib/judge/results.ts';
import {
  hashJourney,
  summarizeJourneyPage,
  updateReadingOrder,
} from '../../../scripts/lib/record/record-reading-order.ts';
import {
  type PageRecord,
  pageRecordSchema,
  serializeRecord,
} from '../../../scripts/lib/record/record-schema.ts';
import { updatePageRecord } from '../../../scripts/lib/record/update-record.ts';
import { extractValidPage } from '../../helpers/extract-page.ts';
import { simulatePage } from '../../helpers/simulate-page.ts';

const source = '```console\n$ echo a\na\n```\n```console\n$ echo b\nb\n```\n';
const run = (actual: string[], leg = '28.5/containerd'): PageResult =>
  simulatePage(source, 'docs/a.md', (step) => [actual[step] ?? ''], leg, 'containerd');
const empty: PageRecord = { page: 'docs/a.md', blocks: [] };

describe('hashJourney', () => {
  it('changes for a page when it or any page before it changes, not when a later one does', () => {
    const page = (name: string, hash: string) => ({ name, blockHashes: [hash] });
    const before = hashJourney([page('a', '1111'), page('b', '2222'), page('c', '3333')]);
    const after = hashJourney([page('a', '1111'), page('b', '2223'), page('c', '3333')]);
    expect(after.get('a')).toBe(before.get('a'));
    expect(after.get('b')).not.toBe(before.get('b'));
    expect(after.get('c')).not.toBe(before.get('c'));
    expect(before.get('a')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('the record of a journey', () => {
  it('sums a page up as its worst verdict, and proves nothing after an environment error', () => {
    expect(summarizeJourneyPage(run(['a', 'b']))).toBe('pass');
    expect(summarizeJourneyPage(run(['a', 'x']))).toBe('drift');
  });

  it('writes by leg, keeping the date while the result and the text stay', () => {
    const first = updateReadingOrder(empty, [run(['a', 'b'])], 'aaaaaaaaaaaaaaaa', '2026-12-01');
    expect(first.readingOrder).toEqual({
      '28.5/containerd': { result: 'pass', date: '2026-12-01', hash: 'aaaaaaaaaaaaaaaa' },
    });
    const same = updateReadingOrder(first, [run(['a', 'b'])], 'aaaaaaaaaaaaaaaa', '2026-12-05');
    expect(same.readingOrder?.['28.5/containerd']?.date).toBe('2026-12-01');
    const changed = updateReadingOrder(first, [run(['a', 'b'])], 'bbbbbbbbbbbbbbbb', '2026-12-05');
    expect(changed.readingOrder?.['28.5/containerd']?.date).toBe('2026-12-05');
    expect(pageRecordSchema.parse(JSON.parse(serializeRecord(changed)))).toEqual(changed);
  });

  it('stays in the record when pages alone are recorded again', () => {
    const page = extractValidPage(source, 'docs/a.md');
    const journey = updateReadingOrder(empty, [run(['a', 'b'])], 'aaaaaaaaaaaaaaaa', '2026-12-01');
    const alone = updatePageRecord({
      page,
      pageName: 'docs/a.md',
      previous: journey,
      results: [run(['a', 'b'])],
      legs: [
        {
          name: '28.5/containerd',
          store: 'containerd',
          versions: { client: '28.5.2', server: '28.5.2', apiVersion: '1.51' },
        },
      ],
      today: '2026-12-02',
    });
    expect(alone.readingOrder).toEqual(journey.readingOrder);
    expect(alone.blocks).toHaveLength(2);
  });

  it('leaves a record without a journey as it was written before', () => {
    expect(serializeRecord(empty)).toBe('{\n  "page": "docs/a.md",\n  "blocks": []\n}\n');
  });
});
