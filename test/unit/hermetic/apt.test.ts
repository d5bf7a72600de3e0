import { describe, expect, it } from 'vitest';
import {
  parseInstalledPackages,
  REQUIREMENTS,
  selectMissingPackages,
} from '../../../scripts/hermetic/apt.ts';

describe('parseInstalledPackages', () => {
  it('keeps only packages dpkg reports installed, without their architecture', () => {
    const output =
      'gcc installed\nmusl-tools not-installed\nbusybox-static:amd64 installed\n\nmmdebstrap config-files\n';
    expect([...parseInstalledPackages(output)]).toEqual(['gcc', 'busybox-static']);
  });
});

describe('selectMissingPackages', () => {
  const commands =
    (...names: string[]) =>
    (name: string) =>
      names.includes(name);

  it('asks for nothing when every command and package is there', () => {
    const all = commands('docker-registry', 'mmdebstrap', 'gcc', 'musl-gcc');
    expect(selectMissingPackages(REQUIREMENTS, all, new Set(['busybox-static']))).toEqual([]);
  });

  it('asks for everything on a bare machine, in a stable order, Docker Engine aside', () => {
    expect(selectMissingPackages(REQUIREMENTS, commands(), new Set())).toEqual([
      'docker-registry',
      'mmdebstrap',
      'busybox-static',
      'gcc',
      'musl-tools',
    ]);
  });

  it('wants every command of a requirement', () => {
    const requirements = [
      { package: 'dpkg-dev', commands: ['dpkg-source', 'dpkg-parsechangelog'] },
    ];
    expect(selectMissingPackages(requirements, commands('dpkg-source'), new Set())).toEqual([
      'dpkg-dev',
    ]);
  });

  it('wants busybox-static even when a dynamic busybox is on PATH', () => {
    const requirements = [{ package: 'busybox-static', commands: [] }];
    expect(selectMissingPackages(requirements, commands('busybox'), new Set(['busybox']))).toEqual([
      'busybox-static',
    ]);
  });
});
