import { describe, expect, it } from 'vitest';
import { findElisions } from '../../../../src/integrations/expressive-code/find-elisions.ts';

describe('findElisions', () => {
  it('finds every `[..]` in output lines and every `...` line', () => {
    const code = [
      '$ docker image ls',
      'REPOSITORY   TAG   IMAGE ID',
      'alpine       3     [..] [..]',
      '...',
      '$ echo done',
      'done',
    ].join('\n');
    expect(findElisions('console', code)).toEqual([
      { lineIndex: 2, columnStart: 19, columnEnd: 23 },
      { lineIndex: 2, columnStart: 24, columnEnd: 28 },
      { lineIndex: 3, columnStart: 0, columnEnd: 3 },
    ]);
  });

  it('leaves commands alone, where the same characters are shell', () => {
    expect(findElisions('console', '$ echo [..]\n[..]\n$ echo ...\n...\n')).toEqual([
      { lineIndex: 1, columnStart: 0, columnEnd: 4 },
      { lineIndex: 3, columnStart: 0, columnEnd: 3 },
    ]);
  });

  it('does not take an indented or longer ellipsis for the lines wildcard', () => {
    expect(findElisions('console', '$ cat notes\n  ...\n....\nand so on...\n')).toEqual([]);
  });
});
