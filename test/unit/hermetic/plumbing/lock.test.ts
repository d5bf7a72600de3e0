import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../../../scripts/hermetic/plumbing/lock.ts';

const lockPath = () => join(mkdtempSync(join(tmpdir(), 'hermetic-lock-')), 'hermetic.lock');

describe('acquireLock', () => {
  it('holds our pid until released', async () => {
    const path = lockPath();
    const lock = await acquireLock(path, 1000, () => {});
    expect(readFileSync(path, 'utf8')).toBe(`${process.pid}\n`);
    await lock.release();
    await (await acquireLock(path, 1000, () => {})).release();
  });

  it('takes over a lock whose process is gone', async () => {
    const path = lockPath();
    writeFileSync(path, '999999999\n');
    await (await acquireLock(path, 1000, () => {})).release();
  });

  it('waits for a live holder, and gives up at the deadline naming it', async () => {
    const path = lockPath();
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(path, `${holder.pid}\n`);
      const waited: number[] = [];
      await expect(acquireLock(path, 600, (pid) => waited.push(pid))).rejects.toMatchObject({
        code: 'BUSY',
      });
      expect(waited).toEqual([holder.pid]);
    } finally {
      holder.kill();
    }
  });
});
