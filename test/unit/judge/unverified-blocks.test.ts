import { describe, expect, it } from 'vitest';
import { findUnverifiedBlocks } from '../../../scripts/lib/judge/unverified-blocks.ts';
import { simulatePage } from '../../helpers/simulate-page.ts';

const source = [
  '```console store="containerd"',
  '$ echo a',
  'a',
  '```',
  '```console engine="<27"',
  '$ echo b',
  'b',
  '```',
  '```console',
  '$ echo c',
  'c',
  '```',
].join('\n');

const echo = (step: number) => [['a', 'b', 'c'][step] ?? ''];

describe('findUnverifiedBlocks', () => {
  it('names the blocks no leg of the run verified, and why', () => {
    // simulatePage's legs run Engine 29.0.0.
    const pages = [
      simulatePage(source, 'a.md', () => ['c'], '29.0/overlay2', 'overlay2'),
      simulatePage(
        source,
        'a.md',
        (step) => echo(step === 0 ? 0 : 2),
        '29.0/containerd',
        'containerd',
      ),
    ];
    expect(pages.map((page) => page.results.map((result) => result.status))).toEqual([
      ['excluded', 'excluded', 'pass'],
      ['pass', 'excluded', 'pass'],
    ]);
    expect(findUnverifiedBlocks(pages)).toEqual([
      {
        file: 'a.md',
        line: 5,
        reason:
          'it holds for Docker Engine <27, which no leg of this run has (29.0/overlay2, 29.0/containerd)',
      },
    ]);
  });

  it('finds none when every block ran somewhere, even skipped or failed', () => {
    const page = simulatePage('```console\n$ echo a\nb\n```\n', 'a.md', () => ['a']);
    expect(page.results[0]?.status).toBe('drift');
    expect(findUnverifiedBlocks([page])).toEqual([]);
  });
});
