import { describe, expect, it } from 'vitest';
import { buildMmdebstrapArgs } from '../../../scripts/hermetic/prepare/debian.ts';

describe('buildMmdebstrapArgs', () => {
  const args = buildMmdebstrapArgs('/src/debian', '/ctx/rootfs.tar');

  it('builds a bookworm minbase tarball from our sources file, without device nodes', () => {
    expect(args.slice(-3)).toEqual([
      'bookworm',
      '/ctx/rootfs.tar',
      '/src/debian/rootfs/etc/apt/sources.list.d/debian.sources',
    ]);
    expect(args).toContain('--variant=minbase');
    expect(args).toContain('--skip=output/dev');
  });

  it('applies the slim excludes and merges /usr without usrmerge', () => {
    expect(args).toContain('--dpkgopt=/src/debian/dpkg-slim.cfg');
    expect(args).toContain('--hook-dir=/usr/share/mmdebstrap/hooks/merged-usr');
  });

  it('copies the overlay in before removing the files that must not ship', () => {
    const sync = args.indexOf("--customize-hook=sync-in '/src/debian/rootfs' /");
    const cleanup = args.findIndex((arg) => arg.startsWith('--customize-hook=rm -f'));
    expect(sync).toBeGreaterThan(-1);
    expect(cleanup).toBeGreaterThan(sync);
    expect(args[cleanup]).toContain('/var/cache/apt/*.bin');
    expect(args[cleanup]).toContain('0000debian.sources');
  });
});
