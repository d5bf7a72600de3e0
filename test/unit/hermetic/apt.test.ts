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
    const all = commands(
      ...['docker-registry', 'mmdebstrap', 'gcc', 'musl-gcc', 'make'],
      ...['dpkg-source', 'dpkg-parsechangelog', 'bzip2', 'xz'],
    );
    expect(selectMissingPackages(REQUIREMENTS, all, new Set(['libc6-dev']))).toEqual([]);
  });

  it('asks for everything on a bare machine, in a stable order, Docker Engine aside', () => {
    expect(selectMissingPackages(REQUIREMENTS, commands(), new Set())).toEqual([
      'docker-registry',
      'mmdebstrap',
      'gcc',
      'musl-tools',
      'make',
      'libc6-dev',
      'dpkg-dev',
      'bzip2',
      'xz-utils',
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

  it('wants a package without commands (libc6-dev, for a static busybox) by its name', () => {
    const requirements = [{ package: 'libc6-dev', commands: [] }];
    expect(selectMissingPackages(requirements, commands('gcc'), new Set(['libc6']))).toEqual([
      'libc6-dev',
    ]);
    expect(selectMissingPackages(requirements, commands(), new Set(['libc6-dev']))).toEqual([]);
  });
});
