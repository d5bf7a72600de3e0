import { describe, expect, it } from 'vitest';
import { quoteShellWord } from '../../../scripts/lib/core/shell-word.ts';

describe('quoteShellWord', () => {
  it.each([
    ['/plain/path', "'/plain/path'"],
    ['/with space', "'/with space'"],
    ["/it's", "'/it'\\''s'"],
  ])('%s -> %s', (word, quoted) => {
    expect(quoteShellWord(word)).toBe(quoted);
  });
});
