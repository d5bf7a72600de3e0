import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../scripts/lib/watch/compare-runs.ts';
import { simulatePage } from '../../helpers/simulate-page.ts';

const page = (extra = '') =>
  `${extra}\`\`\`console\n$ echo a\na\n\`\`\`\n\n\`\`\`console\n$ echo b\nb\n\`\`\`\n`;

describe('compareRuns', () => {
  it('tells new problems, fixed ones and those as before apart, whatever moved', () => {
    const before = [simulatePage(page(), 'p.md', (step) => [['a'], ['bee']][step] ?? [])];
    // A paragraph added on top moves every line; the drift of `echo b` is the same problem.
    const after = [
      simulatePage(page('Intro.\n\n'), 'p.md', (step) => [['A'], ['bee']][step] ?? []),
    ];
    const changes = compareRuns(before, after);
    expect(changes.added.map((finding) => finding.line)).toEqual([4]);
    expect(changes.unchanged.map((finding) => finding.line)).toEqual([9]);
    expect(changes.fixed).toEqual([]);

    const fixed = compareRuns(after, [
      simulatePage(page('Intro.\n\n'), 'p.md', (step) => [['a'], ['b']][step] ?? []),
    ]);
    expect(fixed.added).toEqual([]);
    expect(fixed.fixed).toEqual([
      { file: 'p.md', leg: 'sandbox', line: 4, command: 'echo a', was: 'drift' },
      { file: 'p.md', leg: 'sandbox', line: 9, command: 'echo b', was: 'drift' },
    ]);
  });

  it('keeps legs apart', () => {
    const drifted = (leg: string) =>
      simulatePage(page(), 'p.md', (step) => [['x'], ['b']][step] ?? [], leg);
    const passing = (leg: string) =>
      simulatePage(page(), 'p.md', (step) => [['a'], ['b']][step] ?? [], leg);
    const changes = compareRuns([drifted('one'), passing('two')], [passing('one'), drifted('two')]);
    expect(changes.added.map((finding) => finding.leg)).toEqual(['two']);
    expect(changes.fixed.map((fixed) => fixed.leg)).toEqual(['one']);
  });
});
