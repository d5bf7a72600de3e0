import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  renderPaxRecords,
  splitName,
  type TarEntry,
  writeTar,
} from '../../../../../scripts/hermetic/mirror/oci/tar.ts';

const base = { uid: 0, gid: 0, mtime: 1778638909 };
const entries: TarEntry[] = [
  { ...base, type: 'dir', path: 'bin', mode: 0o755 },
  { ...base, type: 'file', path: 'bin/[', mode: 0o755, content: Buffer.from('#!x\n') },
  { ...base, type: 'hardlink', path: 'bin/sh', mode: 0o755, target: 'bin/[' },
  { ...base, type: 'dir', path: 'tmp', mode: 0o1777 },
  { ...base, type: 'dir', path: 'home', mode: 0o755, uid: 65534, gid: 65534 },
  { ...base, type: 'symlink', path: 'lib64', mode: 0o777, target: 'lib' },
  {
    ...base,
    type: 'file',
    path: `usr/share/${'d'.repeat(120)}/${'f'.repeat(110)}`,
    mode: 0o600,
    content: Buffer.alloc(0),
  },
];

/** GNU tar's own reading of our archive: what a daemon unpacking the layer sees. */
function listWithGnuTar(tar: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tar-test-'));
  try {
    writeFileSync(join(dir, 'layer.tar'), tar);
    const out = execFileSync(
      'tar',
      ['--numeric-owner', '--full-time', '-tvf', join(dir, 'layer.tar')],
      {
        env: { TZ: 'UTC' },
      },
    );
    return String(out).trim().split('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('writeTar', () => {
  it('keeps modes, owners, mtimes, links and long names as given', () => {
    const lines = listWithGnuTar(writeTar(entries)).map((line) => line.replace(/\s+/g, ' '));
    expect(lines.slice(0, 6)).toEqual([
      'drwxr-xr-x 0/0 0 2026-05-13 02:21:49 bin/',
      '-rwxr-xr-x 0/0 4 2026-05-13 02:21:49 bin/[',
      'hrwxr-xr-x 0/0 0 2026-05-13 02:21:49 bin/sh link to bin/[',
      'drwxrwxrwt 0/0 0 2026-05-13 02:21:49 tmp/',
      'drwxr-xr-x 65534/65534 0 2026-05-13 02:21:49 home/',
      'lrwxrwxrwx 0/0 0 2026-05-13 02:21:49 lib64 -> lib',
    ]);
    expect(lines[6]).toBe(
      `-rw------- 0/0 0 2026-05-13 02:21:49 usr/share/${'d'.repeat(120)}/${'f'.repeat(110)}`,
    );
  });

  it('ends in two zero blocks and pads every member to 512 bytes', () => {
    const tar = writeTar([entries[1] as TarEntry]);
    expect(tar.length).toBe(512 * 4);
    expect(tar.subarray(-1024).every((byte) => byte === 0)).toBe(true);
  });
});

describe('splitName', () => {
  it('fits a long name into prefix and name, or gives up', () => {
    expect(splitName('bin/sh')).toEqual(['', 'bin/sh']);
    expect(splitName(`${'a'.repeat(150)}/b`)).toEqual(['a'.repeat(150), 'b']);
    expect(splitName('x'.repeat(200))).toBeUndefined();
  });
});

describe('renderPaxRecords', () => {
  it('counts the length field in the record length', () => {
    const record = String(renderPaxRecords({ path: 'a'.repeat(95) }));
    expect(record.length).toBe(Number(record.split(' ')[0]));
  });
});
