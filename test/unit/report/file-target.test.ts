import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileTarget } from '../../../scripts/lib/report/file-target.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'file-target-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('createFileTarget', () => {
  it('writes the file only when something was written since the last flush', async () => {
    const path = join(folder, 'report.txt');
    const target = createFileTarget(path);
    target.write('one\n');
    await target.flush();
    await rm(path);
    await target.flush();
    await expect(readFile(path, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    target.write('two\n');
    await target.flush();
    expect(await readFile(path, 'utf8')).toBe('one\ntwo\n');
  });

  it('writes an empty report too', async () => {
    const path = join(folder, 'empty.txt');
    await createFileTarget(path).flush();
    expect(await readFile(path, 'utf8')).toBe('');
  });
});
