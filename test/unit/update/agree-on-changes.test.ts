import { describe, expect, it } from 'vitest';
import { agreeOnChanges } from '../../../scripts/lib/update/agree-on-changes.ts';
import { simulatePage } from '../../helpers/simulate-page.ts';

const source = [
  '```console',
  '$ echo a',
  'old a',
  '```',
  '',
  '```console',
  '$ echo b',
  'old b',
  '```',
  '',
  '```console store="containerd"',
  '$ echo c',
  'old c',
  '```',
  '',
].join('\n');

const printing =
  (...lists: string[][]) =>
  (step: number) =>
    lists[step] ?? [];

describe('agreeOnChanges', () => {
  it('agrees on a snippet every leg rewrites alike, and refuses one the legs print differently', () => {
    const pages = [
      simulatePage(
        source,
        'a.md',
        printing(['new a'], ['b one'], ['new c']),
        '28.5/containerd',
        'containerd',
      ),
      simulatePage(source, 'a.md', printing(['new a'], ['b two']), '26.1/overlay2', 'overlay2'),
    ];
    const agreed = agreeOnChanges('a.md', pages);
    expect(agreed.changes.map((change) => [change.line, change.legs])).toEqual([
      [1, ['28.5/containerd', '26.1/overlay2']],
      // Held on the containerd store only: the classic-store leg has no say.
      [11, ['28.5/containerd']],
    ]);
    expect(agreed.refused).toHaveLength(1);
    expect(agreed.refused[0]?.line).toBe(7);
    expect(agreed.refused[0]?.reason).toMatch(/28\.5\/containerd drifts, 26\.1\/overlay2 drifts/);
    expect(agreed.refused[0]?.reason).toMatch(/condition .*named value|verify\.values/);
  });

  it('refuses a snippet that drifts on one leg and passes as written on another', () => {
    const pages = [
      simulatePage(source, 'a.md', printing(['new a'], ['old b']), '28.5/overlay2'),
      simulatePage(source, 'a.md', printing(['old a'], ['old b']), '26.1/overlay2'),
    ];
    const agreed = agreeOnChanges('a.md', pages);
    expect(agreed.changes).toEqual([]);
    expect(agreed.refused.map((refusal) => refusal.line)).toEqual([2]);
    expect(agreed.refused[0]?.reason).toContain('26.1/overlay2 passes as written');
  });

  it('keeps the steps a person reviews and the edits --update writes', () => {
    const [change] = agreeOnChanges('a.md', [
      simulatePage(source, 'a.md', printing(['new a'], ['old b'])),
    ]).changes;
    expect(change?.steps.map((step) => step.line)).toEqual([2]);
    expect(change?.edits).toHaveLength(1);
  });
});
