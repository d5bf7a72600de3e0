import { describe, expect, it } from 'vitest';
import type { Page } from '../../../scripts/lib/extract/snippet.ts';
import type { PageResult } from '../../../scripts/lib/judge/results.ts';
import { type PageRecord, serializeRecord } from '../../../scripts/lib/record/record-schema.ts';
import { updatePageRecord } from '../../../scripts/lib/record/update-record.ts';
import { extractValidPage } from '../../helpers/extract-page.ts';
import { simulatePage } from '../../helpers/simulate-page.ts';

const containerd = {
  name: '28.5/containerd',
  store: 'containerd',
  versions: {
    client: '28.5.2',
    server: '28.5.2',
    apiVersion: '1.51',
    containerd: '2.1.9',
    runc: '1.3.6',
  },
};
const classic = { ...containerd, name: '28.5/overlay2', store: 'overlay2' };

const source = [
  '```console',
  '$ echo a',
  'a',
  '```',
  '```console store="containerd"',
  '$ echo b',
  'b',
  '```',
  '```console skip="needs Docker Hub"',
  '$ docker pull alpine',
  '```',
  '```dockerfile file="Dockerfile"',
  'FROM scratch',
  '```',
].join('\n');

function pageOf(text: string): Page {
  return extractValidPage(text, 'docs/a.md');
}

/** simulatePage's legs report Engine 29.0.0; the record takes versions from `legs`. */
function run(text: string, leg: typeof containerd, actual: string[] = ['a', 'b']): PageResult {
  return simulatePage(text, 'docs/a.md', (step) => [actual[step] ?? ''], leg.name, leg.store);
}

function record(
  text: string,
  results: PageResult[],
  previous?: PageRecord,
  today = '2026-11-26',
): PageRecord {
  return updatePageRecord({
    page: pageOf(text),
    pageName: 'docs/a.md',
    previous,
    results,
    legs: [containerd, classic],
    today,
  });
}

const entry = (leg: typeof containerd, result: string, date = '2026-11-26') => ({
  result,
  date,
  client: '28.5.2',
  server: '28.5.2',
  containerd: '2.1.9',
  runc: '1.3.6',
  store: leg.store,
});

describe('updatePageRecord', () => {
  it('records each block on each leg it ran on, with the versions, the result and the day', () => {
    const written = record(source, [run(source, containerd), run(source, classic, ['a'])]);
    const [first, second, skipped, file] = written.blocks;
    expect(written.page).toBe('docs/a.md');
    expect(first).toEqual({
      line: 1,
      hash: expect.stringMatching(/^[0-9a-f]{16}$/),
      legs: {
        '28.5/containerd': entry(containerd, 'pass'),
        '28.5/overlay2': entry(classic, 'pass'),
      },
    });
    // The containerd block is not for the classic leg; a skip proves nothing; a file is only hashed.
    expect(second?.legs).toEqual({ '28.5/containerd': entry(containerd, 'pass') });
    expect(skipped?.legs).toEqual({});
    expect(file).toMatchObject({ line: 12, legs: {} });
  });

  it('records drift as drift, never as a pass', () => {
    const written = record(source, [run(source, classic, ['not a'])]);
    expect(written.blocks[0]?.legs).toEqual({ '28.5/overlay2': entry(classic, 'drift') });
  });

  it('keeps the day when nothing a reader could see changed, and moves it when something did', () => {
    const before = record(source, [run(source, containerd)], undefined, '2026-11-01');
    const same = record(source, [run(source, containerd)], before, '2026-11-26');
    expect(serializeRecord(same)).toBe(serializeRecord(before));
    const upgraded = updatePageRecord({
      page: pageOf(source),
      pageName: 'docs/a.md',
      previous: before,
      results: [run(source, containerd)],
      legs: [{ ...containerd, versions: { ...containerd.versions, server: '28.5.3' } }],
      today: '2026-11-26',
    });
    expect(upgraded.blocks[0]?.legs['28.5/containerd']).toMatchObject({
      server: '28.5.3',
      date: '2026-11-26',
    });
  });

  it('updates only the legs that ran, and starts afresh for a block whose text changed', () => {
    const both = record(source, [run(source, containerd), run(source, classic, ['a'])]);
    const edited = source.replace('$ echo a\na', '$ echo A\nA');
    const later = record(edited, [run(edited, classic, ['A'])], both, '2026-11-27');
    const [first, second] = later.blocks;
    expect(first?.hash).not.toBe(both.blocks[0]?.hash);
    expect(first?.legs).toEqual({ '28.5/overlay2': entry(classic, 'pass', '2026-11-27') });
    // Unchanged, not run on its leg this time: kept.
    expect(second?.legs).toEqual({ '28.5/containerd': entry(containerd, 'pass') });
  });

  it('keeps what an environment error could not disprove', () => {
    const before = record(source, [run(source, containerd)]);
    const broken: PageResult = {
      ...run(source, containerd),
      results: run(source, containerd).results.map((result) =>
        result.status === 'pass'
          ? {
              status: 'error',
              snippet: result.snippet,
              steps: [],
              problem: { code: 'DAEMON_DIED', message: 'gone' },
            }
          : result,
      ),
    };
    expect(record(source, [broken], before)).toEqual(before);
  });

  it('drops blocks the page no longer has, and pairs equal blocks in order', () => {
    const twice = '```console\n$ echo a\na\n```\n\n```console\n$ echo a\na\n```\n';
    const before = record(twice, [run(twice, classic, ['a', 'a'])]);
    expect(before.blocks.map((block) => block.line)).toEqual([1, 6]);
    const once = '```console\n$ echo a\na\n```\n';
    const after = record(once, [], before);
    expect(after.blocks).toEqual([{ ...before.blocks[0], line: 1 }]);
  });
});

describe('serializeRecord', () => {
  it('writes legs by name and keys in a fixed order, whatever order they came in', () => {
    const written = record(source, [run(source, classic, ['a']), run(source, containerd)]);
    const text = serializeRecord(written);
    expect(text.indexOf('28.5/containerd')).toBeLessThan(text.indexOf('28.5/overlay2'));
    expect(text.endsWith('}\n')).toBe(true);
    const reversed: PageRecord = {
      ...written,
      blocks: written.blocks.map((block) => ({
        ...block,
        legs: Object.fromEntries(Object.entries(block.legs).reverse()),
      })),
    };
    expect(serializeRecord(reversed)).toBe(text);
  });
});
