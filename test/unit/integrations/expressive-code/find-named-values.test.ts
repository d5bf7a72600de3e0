import { describe, expect, it } from 'vitest';
import { findNamedValues } from '../../../../src/integrations/expressive-code/find-named-values.ts';

const kernel = { name: 'KERNEL', shown: '6.8.0-45-generic', pattern: '\\d+\\.\\d+\\S*' };

describe('findNamedValues', () => {
  it('finds shown values in output lines, never in commands', () => {
    const code =
      '$ echo 6.8.0-45-generic\n6.8.0-45-generic\n$ uname -a\nLinux x 6.8.0-45-generic #1\n';
    expect(findNamedValues(code, [kernel])).toEqual([
      { name: 'KERNEL', lineIndex: 1, columnStart: 0, columnEnd: 16 },
      { name: 'KERNEL', lineIndex: 3, columnStart: 8, columnEnd: 24 },
    ]);
  });

  it('finds nothing on a page without values', () => {
    expect(findNamedValues('$ uname -r\n6.8.0-45-generic\n', [])).toEqual([]);
  });
});
