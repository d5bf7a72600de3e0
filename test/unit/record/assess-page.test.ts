import { describe, expect, it } from 'vitest';
import type { Page } from '../../../scripts/lib/extract/snippet.ts';
import {
  assessPage,
  findUnprovenBlocks,
  listPageProofs,
} from '../../../scripts/lib/record/assess-page.ts';
import {
  describeBlock,
  describeEngines,
  formatDay,
} from '../../../scripts/lib/record/describe-verification.ts';
import type { LegEntry, PageRecord } from '../../../scripts/lib/record/record-schema.ts';
import { extractValidPage } from '../../helpers/extract-page.ts';

const matrix = [
  { name: '28.5/containerd', engine: '28.5', store: 'containerd' as const },
  { name: '28.5/overlay2', engine: '28.5', store: 'overlay2' as const },
  { name: '26.1/overlay2', engine: '26.1', store: 'overlay2' as const },
];

const source = [
  '```console',
  '$ echo all',
  'all',
  '```',
  '```console store="containerd"',
  '$ echo containerd',
  'containerd',
  '```',
  '```console store="overlay2"',
  '$ echo classic',
  'classic',
  '```',
  '```sh skip="needs Docker Hub"',
  'docker pull alpine',
  '```',
  '```dockerfile file="Dockerfile"',
  'FROM scratch',
  '```',
].join('\n');

function pageOf(text: string): Page {
  return extractValidPage(text, 'a.mdx', { matrix });
}

const proof = (server: string, store: string, date = '2026-11-26', result = 'pass'): LegEntry =>
  ({ result, date, client: server, server, containerd: null, runc: null, store }) as LegEntry;
const containerd = proof('28.5.2', 'containerd', '2026-11-20');
const classic = proof('28.5.2', 'overlay2');
const old = proof('26.1.5', 'overlay2');

/** A record of the page as it is, every block passed on the matrix legs it holds on. */
function fullRecord(page: Page): PageRecord {
  const [all, forContainerd, forClassic, skipped, file] = page.snippets;
  const block = (snippet: typeof all, legs: Record<string, LegEntry>) => ({
    line: snippet?.line ?? 1,
    hash: snippet?.hash ?? '',
    legs,
  });
  return {
    page: 'a.mdx',
    blocks: [
      block(all, { '28.5/containerd': containerd, '28.5/overlay2': classic, '26.1/overlay2': old }),
      block(forContainerd, { '28.5/containerd': containerd }),
      block(forClassic, { '28.5/overlay2': classic, '26.1/overlay2': old }),
      block(skipped, {}),
      block(file, {}),
    ],
  };
}

describe('assessPage', () => {
  it('finds a fully recorded page proven, and says on what', () => {
    const page = pageOf(source);
    const blocks = assessPage(page, fullRecord(page), matrix);
    expect(blocks.map((block) => block.state)).toEqual([
      'verified',
      'verified',
      'verified',
      'skipped',
      'file',
    ]);
    expect(findUnprovenBlocks(blocks)).toEqual([]);
    expect(listPageProofs(blocks).map((leg) => leg.leg)).toEqual([
      '28.5/containerd',
      '28.5/overlay2',
      '26.1/overlay2',
    ]);
    expect(describeBlock(blocks[0] as (typeof blocks)[number])).toEqual({
      isVerified: true,
      text: 'Verified on Docker Engine 28.5.2 (containerd and classic image stores) and 26.1.5 (classic image store), 26 November 2026',
      day: '2026-11-26',
    });
  });

  it('finds a block whose text changed since it was recorded unrecorded, and a Dockerfile too', () => {
    const recorded = fullRecord(pageOf(source));
    const edited = pageOf(
      source.replace('all\n```', 'everything\n```').replace('FROM scratch', 'FROM busybox'),
    );
    const blocks = assessPage(edited, recorded, matrix);
    expect(blocks.map((block) => block.state)).toEqual([
      'unrecorded',
      'verified',
      'verified',
      'skipped',
      'unrecorded',
    ]);
    expect(findUnprovenBlocks(blocks).map((block) => block.snippet.line)).toEqual([1, 16]);
    expect(describeBlock(blocks[0] as (typeof blocks)[number])).toMatchObject({
      isVerified: false,
      text: 'Not yet verified: this example changed since the examples were last verified',
    });
    // A leg is claimed for the page only where no block that holds there is unproven.
    expect(listPageProofs(blocks)).toEqual([]);
  });

  it('finds a block proven on fewer legs than the matrix has for it partial', () => {
    const page = pageOf(source);
    const record = fullRecord(page);
    const first = record.blocks[0];
    if (first)
      first.legs = {
        '28.5/containerd': containerd,
        '26.1/overlay2': proof('26.1.5', 'overlay2', '2026-11-26', 'drift'),
      };
    const blocks = assessPage(page, record, matrix);
    expect(blocks[0]?.state).toBe('partial');
    expect(blocks[0]?.missing).toEqual(['28.5/overlay2', '26.1/overlay2']);
    expect(describeBlock(blocks[0] as (typeof blocks)[number]).text).toBe(
      'Verified on Docker Engine 28.5.2 (containerd image store), 20 November 2026; not verified on 26.1/overlay2 and 28.5/overlay2',
    );
    expect(listPageProofs(blocks).map((leg) => leg.leg)).toEqual(['28.5/containerd']);
  });

  it('without a record, nothing is proven', () => {
    const blocks = assessPage(pageOf(source), undefined, matrix);
    expect(new Set(blocks.map((block) => block.state))).toEqual(new Set(['unrecorded']));
  });
});

describe('describeEngines', () => {
  it('groups stores under each version, newest first', () => {
    expect(describeEngines([old, classic, containerd])).toBe(
      'Docker Engine 28.5.2 (containerd and classic image stores) and 26.1.5 (classic image store)',
    );
    expect(describeEngines([{ server: '29.0.0', store: null }])).toBe('Docker Engine 29.0.0');
    // Distributions' builds read as the release they are.
    expect(
      describeEngines([
        { server: '26.1.5+dfsg1', store: 'overlay2' },
        { server: '26.1.5', store: 'containerd' },
      ]),
    ).toBe('Docker Engine 26.1.5 (containerd and classic image stores)');
  });

  it('writes days the same in every time zone', () => {
    expect(formatDay('2026-11-26')).toBe('26 November 2026');
    expect(formatDay('2026-01-01')).toBe('1 January 2026');
  });
});
