import { describe, expect, it } from 'vitest';
import {
  checkNamedValue,
  findValueOccurrences,
  replaceValueToken,
} from '../../../scripts/lib/core/named-values.ts';

const kernel = { name: 'KERNEL', shown: '6.8.0-45-generic', pattern: '\\d+\\.\\d+\\S*' };
const engine = { name: 'ENGINE', shown: '29.0.0', pattern: '\\d+\\.\\d+\\.\\d+' };
const arch = { name: 'ARCH', shown: 'amd64', pattern: '[a-z0-9]+' };

describe('findValueOccurrences', () => {
  it.each([
    ['6.8.0-45-generic', [['KERNEL', 0, 16]]],
    ['Linux 6.8.0-45-generic x86_64', [['KERNEL', 6, 22]]],
    [' "Version": "29.0.0",', [['ENGINE', 13, 19]]],
    [
      'Version: 29.0.0 and 29.0.0',
      [
        ['ENGINE', 9, 15],
        ['ENGINE', 20, 26],
      ],
    ],
    ['v29.0.0', []],
    ['29.0.0.1', []],
    ['6.8.0-45-generic-x', []],
    [
      'linux/amd64 29.0.0',
      [
        ['ARCH', 6, 11],
        ['ENGINE', 12, 18],
      ],
    ],
  ])('%j', (line, expected) => {
    const found = findValueOccurrences(line, [kernel, engine, arch]).map((occurrence) => [
      occurrence.name,
      occurrence.start,
      occurrence.end,
    ]);
    expect(found).toEqual(expected);
  });
});

describe('checkNamedValue', () => {
  it('accepts a shown value its pattern fits, whole', () => {
    expect(checkNamedValue(kernel)).toBeUndefined();
  });

  it('names the field at fault', () => {
    expect(checkNamedValue({ shown: '6.8', pattern: '(' })).toEqual({
      field: 'pattern',
      message: '`(` is not a valid regular expression',
    });
    expect(checkNamedValue({ shown: '6.8.0-45-generic', pattern: '\\d+\\.\\d+' })).toEqual({
      field: 'shown',
      message: 'the shown value `6.8.0-45-generic` does not fit its pattern `\\d+\\.\\d+`',
    });
  });
});

describe('replaceValueToken', () => {
  it('replaces whole tokens only', () => {
    expect(replaceValueToken('6.18.44 v6.18.44 6.18.44-x (6.18.44)', '6.18.44', 'K')).toBe(
      'K v6.18.44 6.18.44-x (K)',
    );
  });
});
