import { join } from 'node:path';
import { quoteShellWord } from '../../lib/core/shell-word.ts';
import { runCommand } from '../exec.ts';
import { copySources, type PrepareInput, requireSuccess } from './context.ts';

/**
 * Pure: the mmdebstrap call for a debian:bookworm-slim rootfs.
 * - merged-usr the debootstrap way (usr-is-merged), as the official image: plain minbase
 *   satisfies init-system-helpers with usrmerge, which drags in all of perl.
 * - The sources file is both the mirror list and, renamed, the image's deb822 sources.
 * - Our apt.conf.d/docker-clean blanks apt's cache file names, so `apt-get clean` in
 *   mmdebstrap's cleanup no longer finds the 70 MB of *.bin files: remove them here.
 * - hostname and resolv.conf are the host's, copied for debootstrap compatibility;
 *   Docker provides its own.
 */
export function buildMmdebstrapArgs(sourceDir: string, output: string): string[] {
  const overlay = join(sourceDir, 'rootfs');
  const sources = join(overlay, 'etc', 'apt', 'sources.list.d', 'debian.sources');
  return [
    '--variant=minbase',
    '--format=tar',
    '--skip=output/dev',
    '--hook-dir=/usr/share/mmdebstrap/hooks/merged-usr',
    `--dpkgopt=${join(sourceDir, 'dpkg-slim.cfg')}`,
    `--customize-hook=sync-in ${quoteShellWord(overlay)} /`,
    '--customize-hook=rm -f "$1"/var/cache/apt/*.bin "$1/etc/apt/sources.list.d/0000debian.sources" "$1/etc/hostname" "$1/etc/resolv.conf"',
    'bookworm',
    output,
    sources,
  ];
}

/** Bootstraps the rootfs from Debian's mirror (about a minute, 30 MB of packages). */
export async function prepareDebian(input: PrepareInput): Promise<void> {
  await copySources(input, ['Dockerfile']);
  const output = join(input.contextDir, 'rootfs.tar');
  requireSuccess(
    input,
    'mmdebstrap',
    await runCommand('mmdebstrap', buildMmdebstrapArgs(input.sourceDir, output)),
  );
}
