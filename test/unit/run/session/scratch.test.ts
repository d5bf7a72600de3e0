import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScratch } from '../../../../scripts/lib/run/session/scratch.ts';
import { createFakePage } from '../../../helpers/fake-page.ts';

let host: string;
let elsewhere: string;

beforeEach(async () => {
  host = await mkdtemp(join(tmpdir(), 'dfv-session-'));
  elsewhere = await mkdtemp(join(tmpdir(), 'dfv-elsewhere-'));
});
afterEach(async () => {
  await rm(host, { recursive: true, force: true });
  await rm(elsewhere, { recursive: true, force: true });
});

function machinePage() {
  return createFakePage({
    machine: {
      session: { host, reader: '/run/verify-examples', state: '/run/verify-examples-state' },
      homeDir: '/root',
      workDir: '/root',
      user: 'root',
      path: '/usr/bin:/bin',
      setTools: async () => {},
    },
  });
}

describe("a session's folders in a reader's machine", () => {
  it('names files as the machine sees them and writes them into the session folder here', async () => {
    const scratch = await createScratch('page', machinePage());
    const file = scratch.commandFile(3);
    expect(file).toMatch(/^\/run\/verify-examples\/page-[0-9a-f]{8}\/command-3\.sh$/);
    expect(scratch.stateFile).toMatch(/^\/run\/verify-examples-state\/page-[0-9a-f]{8}\.sh$/);
    expect([scratch.workDir, scratch.homeDir, scratch.dockerConfig]).toEqual([
      '/root',
      '/root',
      undefined,
    ]);
    await scratch.write(file, 'echo hi\n');
    const here = join(scratch.spawnDir, 'command-3.sh');
    expect(await readFile(here, 'utf8')).toBe('echo hi\n');
    // Never twice: a file the page put there first is not written through.
    await expect(scratch.write(file, 'again\n')).rejects.toThrow();
    await scratch.remove();
    expect(existsSync(scratch.spawnDir)).toBe(false);
  });

  it('writes nothing once the page has swapped its folder for a link elsewhere', async () => {
    const scratch = await createScratch('page', machinePage());
    const folder = scratch.spawnDir;
    await rename(folder, `${folder}.old`);
    await symlink(elsewhere, folder);
    await expect(scratch.write(scratch.commandFile(0), 'rm -rf /\n')).rejects.toThrow(/replaced/);
    expect(existsSync(join(elsewhere, 'command-0.sh'))).toBe(false);
  });

  it('never follows a link the page left in place of a file', async () => {
    const scratch = await createScratch('page', machinePage());
    const target = join(elsewhere, 'victim');
    await writeFile(target, 'kept');
    await symlink(target, join(scratch.spawnDir, 'command-1.sh'));
    await expect(scratch.write(scratch.commandFile(1), 'pwned')).rejects.toThrow();
    expect(await readFile(target, 'utf8')).toBe('kept');
  });
});
