import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  hashImageInputs,
  readStamp,
  type SourceFile,
  writeStamp,
} from '../../../../scripts/hermetic/plumbing/stamps.ts';

const file = (path: string, content: string, isExecutable = false): SourceFile => ({
  path,
  isExecutable,
  content: Buffer.from(content),
});

describe('hashImageInputs', () => {
  const files = [file('Dockerfile', 'FROM scratch\n'), file('hello.c', 'int main;')];
  const inputs = { 'package:gcc': '4:12.2.0-3', arch: 'amd64' };
  const base = hashImageInputs(files, inputs);

  it('is a sha256 hex digest, independent of listing order', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(
      hashImageInputs([...files].reverse(), { arch: 'amd64', 'package:gcc': '4:12.2.0-3' }),
    ).toBe(base);
  });

  it.each([
    [
      'a file content',
      [file('Dockerfile', 'FROM scratch\n'), file('hello.c', 'int main();')],
      inputs,
    ],
    ['a file name', [file('Dockerfile', 'FROM scratch\n'), file('hi.c', 'int main;')], inputs],
    [
      'an executable bit',
      [file('Dockerfile', 'FROM scratch\n'), file('hello.c', 'int main;', true)],
      inputs,
    ],
    ['a package version', files, { ...inputs, 'package:gcc': '4:12.2.0-4' }],
    ['a new input such as the base digest', files, { ...inputs, base: 'sha256:1' }],
    ['a removed file', files.slice(0, 1), inputs],
  ])('changes with %s', (_what, changedFiles, changedInputs) => {
    expect(hashImageInputs(changedFiles, changedInputs)).not.toBe(base);
  });

  it('does not confuse where one field ends and the next begins', () => {
    expect(hashImageInputs([file('ab', 'c')], {})).not.toBe(hashImageInputs([file('a', 'bc')], {}));
    expect(hashImageInputs([], { a: 'bc' })).not.toBe(hashImageInputs([], { ab: 'c' }));
  });
});

describe('readStamp and writeStamp', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hermetic-stamps-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips a stamp, creating the folder', async () => {
    const stamp = { hash: 'h', digest: 'sha256:d', builtAt: '2025-01-01T00:00:00.000Z' };
    await writeStamp(join(dir, 'stamps'), 'busybox', stamp);
    expect(await readStamp(join(dir, 'stamps'), 'busybox')).toEqual(stamp);
  });

  it.each([
    ['missing', undefined],
    ['cut short', '{"hash": "h", "dig'],
    ['of another shape', '{"hash": 1}'],
  ])('reads a %s stamp as no stamp, which means rebuild', async (_what, text) => {
    if (text !== undefined) await writeFile(join(dir, 'busybox.json'), text);
    expect(await readStamp(dir, 'busybox')).toBeUndefined();
  });
});
