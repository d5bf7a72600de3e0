import { describe, expect, it } from 'vitest';
import { alignLines } from '../../../scripts/lib/judge/align-lines.ts';
import { compareOutput } from '../../../scripts/lib/judge/compare-output.ts';

describe('alignLines', () => {
  it.each([
    ['identical lines', ['a', 'b'], ['a', 'b'], true],
    ['a changed line', ['a', 'b'], ['a', 'c'], false],
    ['`[..]` inside a line', ['Server: [..]'], ['Server: 20.10.24'], true],
    ['`[..]` does not cross lines', ['a[..]'], ['ab', 'c'], false],
    ['`...` for many lines', ['first', '...', 'last'], ['first', 'x', 'y', 'last'], true],
    ['`...` for no line', ['first', '...', 'last'], ['first', 'last'], true],
    ['`...` at the end', ['first', '...'], ['first', 'x'], true],
    ['only `...`', ['...'], [], true],
    ['missing output', ['a'], [], false],
    ['unexpected output', [], ['a'], false],
    ['regex characters are literal', ['a.c (x)'], ['abc (x)'], false],
  ])('%s', (_name, expected, actual, matches) => {
    expect(alignLines(expected, actual).matches).toBe(matches);
  });

  it('describes a drift as removed and added lines around unchanged ones', () => {
    expect(alignLines(['a', 'b', 'c'], ['a', 'x', 'c', 'd']).ops).toEqual([
      { op: 'same', expected: 0, actual: 0 },
      { op: 'removed', expected: 1 },
      { op: 'added', actual: 1 },
      { op: 'same', expected: 2, actual: 2 },
      { op: 'added', actual: 3 },
    ]);
  });

  it('gives `...` the lines it stands for', () => {
    expect(alignLines(['a', '...', 'z'], ['a', 'b', 'c', 'z']).ops).toEqual([
      { op: 'same', expected: 0, actual: 0 },
      { op: 'wildcard', expected: 1, actual: [1, 2] },
      { op: 'same', expected: 2, actual: 3 },
    ]);
  });
});

describe('compareOutput', () => {
  it('matches realistic documented values against fresh ones', () => {
    const documented = ['e1ca49da8f1b', 'Status: Downloaded newer image for busybox:latest'];
    const actual = ['0123456789ab', 'Status: Downloaded newer image for busybox:latest'];
    expect(compareOutput(documented, actual).matches).toBe(true);
  });

  it('finds real drift', () => {
    const comparison = compareOutput(['Hello from Docker!'], ['Hello from Podman!']);
    expect(comparison.matches).toBe(false);
  });

  it('keeps the origin of each documented line for rewriting', () => {
    const comparison = compareOutput(['a  ', 'b', ''], ['a', 'b']);
    expect(comparison.matches).toBe(true);
    expect(comparison.expected).toEqual([
      { text: 'a', origin: 0 },
      { text: 'b', origin: 1 },
    ]);
  });
});

describe('alignLines ties', () => {
  it('keeps a documented line when a new line appears before it', () => {
    expect(alignLines(['a', '...'], ['new', 'a', 'b']).ops).toEqual([
      { op: 'added', actual: 0 },
      { op: 'same', expected: 0, actual: 1 },
      { op: 'wildcard', expected: 1, actual: [2] },
    ]);
  });

  it('leaves out a first pull the docs do not show, only where output not shown is not checked', () => {
    const pulled = [
      "Unable to find image 'busybox:musl' locally",
      'musl: Pulling from library/busybox',
      '4264e3a9ed22: Pull complete',
      'Digest: sha256:1794c82d57612a9d41a7a4b20f81c982ab7a46cefb4a19c0e226d38e4e8a8bbe',
      'Status: Downloaded newer image for busybox:musl',
      'hi',
    ];
    const common = { unshown: 'unchecked' as const, elisions: false, redactions: [] };
    expect(compareOutput(['hi'], pulled, common).matches).toBe(true);
    expect(compareOutput(['hi'], pulled).matches).toBe(false);
    expect(
      compareOutput(['musl: Pulling from library/busybox', 'hi'], pulled, common).matches,
    ).toBe(false);
  });

  it('applies elisions and named redactions when the settings ask for them', () => {
    const settings = {
      unshown: 'empty' as const,
      elisions: true,
      redactions: [{ name: 'TOKEN', pattern: 'tok_[a-z]+' }],
    };
    expect(compareOutput(['start', '…', 'end'], ['start', '1', '2', 'end'], settings).matches).toBe(
      true,
    );
    expect(compareOutput(['id <container-id>'], ['id 3f2a'], settings).matches).toBe(true);
    expect(compareOutput(['token tok_abc'], ['token tok_xyz'], settings).matches).toBe(true);
    expect(compareOutput(['token tok_abc'], ['tokens tok_xyz'], settings).matches).toBe(false);
    expect(compareOutput(['<none>'], ['<something>'], settings).matches).toBe(false);
    expect(compareOutput(['start', '…', 'end'], ['start', '1', 'end'])).toMatchObject({
      matches: false,
    });
  });
});
