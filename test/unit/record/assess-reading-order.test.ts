import { describe, expect, it } from 'vitest';
import { assessReadingOrder } from '../../../scripts/lib/record/assess-reading-order.ts';
import type { PageRecord } from '../../../scripts/lib/record/record-schema.ts';

const record: PageRecord = {
  page: 'docs/a.mdx',
  blocks: [],
  readingOrder: {
    '28.5/containerd': { result: 'pass', date: '2026-12-01', hash: 'aaaaaaaaaaaaaaaa' },
    '26.1/overlay2': { result: 'pass', date: '2026-12-03', hash: 'aaaaaaaaaaaaaaaa' },
    '28.5/overlay2': { result: 'drift', date: '2026-12-04', hash: 'aaaaaaaaaaaaaaaa' },
  },
};

describe('assessReadingOrder', () => {
  it('proves the page in reading order on the legs that passed it with the text it has now', () => {
    expect(assessReadingOrder(record, 'aaaaaaaaaaaaaaaa')).toEqual({
      legs: ['26.1/overlay2', '28.5/containerd'],
      day: '2026-12-03',
    });
  });

  it('proves nothing once the page or a page before it changed, or without a journey', () => {
    expect(assessReadingOrder(record, 'bbbbbbbbbbbbbbbb')).toBeUndefined();
    expect(
      assessReadingOrder({ page: 'docs/a.mdx', blocks: [] }, 'aaaaaaaaaaaaaaaa'),
    ).toBeUndefined();
    expect(assessReadingOrder(record, undefined)).toBeUndefined();
  });
});
