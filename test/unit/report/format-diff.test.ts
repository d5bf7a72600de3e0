import { describe, expect, it } from 'vitest';
import { compareOutput } from '../../../scripts/lib/judge/compare-output.ts';
import { diffStep, groupHunks, listDiffLines } from '../../../scripts/lib/report/format-diff.ts';

/** Documented output as if it started on line 10 of `a.mdx`. */
function diff(documented: string[], actual: string[], context = 3): string[] {
  const step = {
    documented,
    documentedLines: { start: 10, end: 10 + documented.length },
    comparison: compareOutput(documented, actual),
  };
  return diffStep('a.mdx', step, context).map((line) => line.text);
}

describe('diffStep', () => {
  it.each([
    ['matching output', ['a', 'b'], ['a', 'b'], []],
    [
      'a changed line',
      ['a', 'b', 'c'],
      ['a', 'x', 'c'],
      ['@@ a.mdx:10 @@', ' a', '-b', '+x', ' c'],
    ],
    ['a line removed at the start', ['a', 'b'], ['b'], ['@@ a.mdx:10 @@', '-a', ' b']],
    ['a line added at the start', ['b'], ['a', 'b'], ['@@ a.mdx:10 @@', '+a', ' b']],
    ['a line removed at the end', ['a', 'b'], ['a'], ['@@ a.mdx:10 @@', ' a', '-b']],
    ['a line added at the end', ['a'], ['a', 'b'], ['@@ a.mdx:10 @@', ' a', '+b']],
    ['nothing documented', [], ['a', 'b'], ['@@ a.mdx:10 @@', '+a', '+b']],
    ['nothing printed', ['a', 'b'], [], ['@@ a.mdx:10 @@', '-a', '-b']],
    [
      '`...` as context, not the lines it stands for',
      ['first', '...', 'last'],
      ['first', 'x', 'y', 'final'],
      ['@@ a.mdx:10 @@', ' first', ' ...', '-last', '+final'],
    ],
    [
      '`...` at the end with a line added at the start',
      ['a', 'b', '...'],
      ['new', 'a', 'b', 'c'],
      ['@@ a.mdx:10 @@', '+new', ' a', ' b', ' ...'],
    ],
    [
      '`[..]` lines as documented',
      ['Server: [..]', 'ok'],
      ['Server: 28.5.1', 'ko'],
      ['@@ a.mdx:10 @@', ' Server: [..]', '-ok', '+ko'],
    ],
    [
      'documented text as written, not as normalized',
      ['e1ca49da8f1b   5 seconds ago', 'done'],
      ['0123456789ab   1 minute ago', 'failed'],
      ['@@ a.mdx:10 @@', ' e1ca49da8f1b   5 seconds ago', '-done', '+failed'],
    ],
  ])('%s', (_name, documented, actual, expected) => {
    expect(diff(documented, actual)).toEqual(expected);
  });

  it('keeps context lines around each change and splits distant ones into hunks', () => {
    const documented = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
    const actual = ['x', '2', '3', '4', '5', '6', '7', '8', 'y'];
    expect(diff(documented, actual, 1)).toMatchInlineSnapshot(`
      [
        "@@ a.mdx:10 @@",
        "-1",
        "+x",
        " 2",
        "@@ a.mdx:17 @@",
        " 8",
        "-9",
        "+y",
      ]
    `);
  });

  it('merges changes whose context touches', () => {
    expect(diff(['1', '2', '3', '4'], ['x', '2', '3', 'y'], 1)).toEqual([
      '@@ a.mdx:10 @@',
      '-1',
      '+x',
      ' 2',
      ' 3',
      '-4',
      '+y',
    ]);
  });

  it('has no diff for a step without documented output to compare', () => {
    expect(
      diffStep('a.mdx', { documented: [], documentedLines: undefined, comparison: undefined }),
    ).toEqual([]);
  });
});

describe('listDiffLines', () => {
  it('numbers documented lines by their raw position, blank lines included', () => {
    const documented = ['a', '', 'b', ''];
    const comparison = compareOutput(documented, ['a', '', 'c']);
    const lines = listDiffLines({
      documented,
      documentedLines: { start: 20, end: 24 },
      comparison,
    });
    expect(lines).toEqual([
      { kind: 'context', text: 'a', fileLine: 20 },
      { kind: 'context', text: '', fileLine: 21 },
      { kind: 'removed', text: 'b', fileLine: 22 },
      { kind: 'added', text: 'c', fileLine: 23 },
    ]);
  });
});

describe('groupHunks', () => {
  it('starts a hunk of added lines at the line they would be inserted before', () => {
    const hunks = groupHunks(
      [
        { kind: 'context', text: 'a', fileLine: 5 },
        { kind: 'added', text: 'b', fileLine: 6 },
      ],
      0,
    );
    expect(hunks).toEqual([{ fileLine: 6, lines: [{ kind: 'added', text: 'b', fileLine: 6 }] }]);
  });
});
