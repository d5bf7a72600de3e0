import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  findOwnedPid,
  parsePid,
  stopOwnedProcess,
} from '../../../../scripts/hermetic/daemons/pidfile.ts';

describe('parsePid', () => {
  it.each([
    ['1234\n', 1234],
    ['  42  ', 42],
    ['', undefined],
    ['0', undefined],
    ['-5', undefined],
    ['pid', undefined],
  ])('%j -> %s', (text, expected) => {
    expect(parsePid(text)).toBe(expected);
  });
});

// Real processes: an idle node whose command line carries a marker, as dockerd's carries our config path.
describe('owned processes', () => {
  let dir: string;
  let child: ChildProcess | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hermetic-pid-'));
  });
  afterEach(async () => {
    child?.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  const startSleeper = async (pidfile: string) => {
    child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30_000)', `${dir}/marker`]);
    await writeFile(pidfile, `${child.pid}\n`);
    return child.pid;
  };

  it('finds a live process whose command line has the marker', async () => {
    const pidfile = join(dir, 'p.pid');
    const pid = await startSleeper(pidfile);
    expect(await findOwnedPid({ pidfile, marker: `${dir}/marker` })).toBe(pid);
  });

  it('does not claim a live process without the marker: its pid was reused', async () => {
    const pidfile = join(dir, 'p.pid');
    await writeFile(pidfile, `${process.pid}\n`);
    expect(await findOwnedPid({ pidfile, marker: `${dir}/marker` })).toBeUndefined();
  });

  it('stops its process and removes the pidfile; a second stop is a no-op', async () => {
    const pidfile = join(dir, 'p.pid');
    const owned = { pidfile, marker: `${dir}/marker` };
    const pid = await startSleeper(pidfile);
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    expect(await stopOwnedProcess(owned, 5_000)).toEqual({ status: 'stopped', pid });
    await exited;
    expect(existsSync(pidfile)).toBe(false);
    expect(await stopOwnedProcess(owned, 5_000)).toEqual({ status: 'not-running' });
  });
});
