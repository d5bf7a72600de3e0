import { describe, expect, it } from 'vitest';
import {
  colorPalette,
  isColorEnabled,
  paintLines,
  plainPalette,
} from '../../../scripts/lib/report/colors.ts';

describe('isColorEnabled', () => {
  it.each([
    ['a terminal', true, {}, true],
    ['a pipe or a file', false, {}, false],
    ['NO_COLOR on a terminal', true, { NO_COLOR: '1' }, false],
    ['an empty NO_COLOR', true, { NO_COLOR: '' }, true],
    ['TERM=dumb', true, { TERM: 'dumb' }, false],
    ['FORCE_COLOR on a pipe', false, { FORCE_COLOR: '1' }, true],
    ['an empty FORCE_COLOR', false, { FORCE_COLOR: '' }, true],
    ['FORCE_COLOR over NO_COLOR', false, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    ['FORCE_COLOR=0 on a terminal', true, { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=false on a terminal', true, { FORCE_COLOR: 'false' }, false],
  ])('%s', (_name, isTty, env, expected) => {
    expect(isColorEnabled(isTty, env)).toBe(expected);
  });
});

describe('paintLines', () => {
  const lines = [
    { style: 'removed' as const, text: '-a' },
    { style: 'plain' as const, text: 'b' },
  ];

  it('leaves text alone without colours', () => {
    expect(paintLines(lines, plainPalette)).toEqual(['-a', 'b']);
  });

  it('wraps styled text in SGR sequences that reset only what they set', () => {
    expect(paintLines(lines, colorPalette)).toEqual(['\u001b[31m-a\u001b[39m', 'b']);
  });
});
