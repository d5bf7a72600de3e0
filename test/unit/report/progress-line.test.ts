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
      'before\none<erase>two<erase>line\ntwo<erase>',
    );
  });

  it('keeps a line per key, replaced in place and taken away when its page ends', () => {
    const target = createMemoryTarget(true);
    const progress = createProgressLine(target);
    progress.show('a: snippet 1 of 2', 'a');
    progress.show('b: snippet 1 of 5', 'b');
    progress.show('a: snippet 2 of 2', 'a');
    progress.remove('a');
    progress.write('✓ a\n');
    progress.clear();
    const shown = target
      .text()
      .replaceAll('\u001b[1A', '<up>')
      .replaceAll('\r\u001b[2K', '<erase>');
    expect(shown).toBe(
      [
        'a: snippet 1 of 2',
        '<erase>a: snippet 1 of 2\nb: snippet 1 of 5',
        '<erase><up><erase>a: snippet 2 of 2\nb: snippet 1 of 5',
        '<erase><up><erase>b: snippet 1 of 5',
        '<erase>✓ a\nb: snippet 1 of 5',
        '<erase>',
      ].join(''),
    );
  });
});
