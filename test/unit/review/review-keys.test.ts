import { describe, expect, it } from 'vitest';
import { splitKeys } from '../../../scripts/lib/review/key-reader.ts';
import { formatKeyLine, readAnswer } from '../../../scripts/lib/review/review-keys.ts';

describe('readAnswer', () => {
  it.each([
    ['a', 'accept'],
    ['s', 'skip'],
    ['A', 'accept-all'],
    ['q', 'quit'],
    ['\u0003', 'quit'],
    ['\u0004', 'quit'],
    ['?', 'help'],
    ['x', undefined],
    ['\r', undefined],
    ['\u001b[A', undefined],
  ])('%j is %s', (key, answer) => {
    expect(readAnswer(key)).toBe(answer);
  });

  it('has a help line naming every key', () => {
    expect(formatKeyLine()).toBe('a accept · s skip · A accept all remaining · q quit · ? help');
  });
});

describe('splitKeys', () => {
  it('splits typed-ahead keys and keeps an escape sequence whole', () => {
    expect(splitKeys('as')).toEqual(['a', 's']);
    expect(splitKeys('\u001b[A')).toEqual(['\u001b[A']);
  });
});
