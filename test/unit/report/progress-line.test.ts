import { describe, expect, it } from 'vitest';
import { createProgressLine, fitToWidth } from '../../../scripts/lib/report/progress-line.ts';
import { createMemoryTarget } from './sample-results.ts';

describe('fitToWidth', () => {
  it.each([
    ['short', 'abc', 10, 'abc'],
    ['one short of the width', 'abcd', 5, 'abcd'],
    ['as wide as the terminal', 'abcde', 5, 'ab…e'],
    ['wider, keeping both ends', 'verifying 3/7 pages · images.mdx', 16, 'verifyi…ges.mdx'],
    ['astral characters count once', '🐳🐳🐳🐳🐳', 5, '🐳🐳…🐳'],
    ['a terminal too narrow for anything', 'abc', 1, '…'],
  ])('%s', (_name, text, columns, expected) => {
    expect(fitToWidth(text, columns)).toBe(expected);
  });
});

describe('createProgressLine', () => {
  it('drops statuses when the target is not a terminal', () => {
    const target = createMemoryTarget(false);
    const progress = createProgressLine(target);
    progress.show('verifying');
    progress.write('line\n');
    progress.clear();
    expect(target.text()).toBe('line\n');
  });

  it('redraws the status below text written while it shows', () => {
    const target = createMemoryTarget(true);
    const progress = createProgressLine(target);
    progress.write('before\n');
    progress.show('one');
    progress.show('two');
    progress.write('line\n');
    progress.clear();
    progress.clear();
    expect(target.text().replaceAll('\r\u001b[2K', '<erase>')).toBe(
      'before\n<erase>one<erase>two<erase>line\ntwo<erase>',
    );
  });
});
