import { chmod, chown, copyFile, link, mkdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { busyboxBinaryPath } from '../busybox-binary.ts';
import { runCommand } from '../exec.ts';
import { copySources, type PrepareInput, requireSuccess } from './context.ts';

/**
 * Folders of the official image: buildroot's device_table.txt plus the home folder of
 * every user in etc/passwd, with their modes and owners.
 */
export const BUSYBOX_DIRS: readonly { path: string; mode: number; owner?: number }[] = [
  { path: 'dev', mode: 0o755 },
  { path: 'tmp', mode: 0o1777 },
  { path: 'root', mode: 0o700 },
  { path: 'home', mode: 0o755 },
  { path: 'usr/sbin', mode: 0o755 },
  { path: 'var/spool/mail', mode: 0o755 },
  { path: 'var/www', mode: 0o755, owner: 33 },
  { path: 'etc/network/if-up.d', mode: 0o755 },
  { path: 'etc/network/if-pre-up.d', mode: 0o755 },
  { path: 'etc/network/if-down.d', mode: 0o755 },
  { path: 'etc/network/if-post-down.d', mode: 0o755 },
];

/**
 * Builds rootfs.tar like the official image: the static busybox compiled from Debian's
 * source (busybox-binary.ts) hard-linked under every applet name in /bin
 * (`busybox --install /bin`), so it weighs one binary, not 400.
 */
export async function prepareBusybox(input: PrepareInput): Promise<void> {
  await copySources(input, ['Dockerfile']);
  const root = join(input.contextDir, 'rootfs');
  await mkdir(join(root, 'bin'), { recursive: true });
  const busybox = join(root, 'bin', 'busybox');
  await copyFile(busyboxBinaryPath(input.paths), busybox);
  await chmod(busybox, 0o755);
  const list = await runCommand(busybox, ['--list']);
  requireSuccess(input, 'busybox --list', list);
  for (const applet of list.stdout.split('\n').map((line) => line.trim())) {
    if (applet !== '' && applet !== 'busybox') await link(busybox, join(root, 'bin', applet));
  }
  await copySources({ ...input, contextDir: root }, ['etc']);
  await chmod(join(root, 'etc', 'shadow'), 0o600);
  for (const dir of BUSYBOX_DIRS) {
    await mkdir(join(root, dir.path), { recursive: true });
    await chmod(join(root, dir.path), dir.mode);
    if (dir.owner !== undefined) await chown(join(root, dir.path), dir.owner, dir.owner);
  }
  await mkdir(join(root, 'usr', 'bin'), { recursive: true });
  await symlink('../../bin/env', join(root, 'usr', 'bin', 'env'));
  const tar = await runCommand('tar', [
    '--numeric-owner',
    '--sort=name',
    '-C',
    root,
    '-cf',
    join(input.contextDir, 'rootfs.tar'),
    '.',
  ]);
  requireSuccess(input, 'tar', tar);
  await rm(root, { recursive: true, force: true });
}
