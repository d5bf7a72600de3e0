import { describe, expect, it } from 'vitest';
import {
  listDebianOrigins,
  listEnginePackages,
} from '../../../../scripts/hermetic/engines/debian-source.ts';
import { ENGINE_IDS, ENGINES, listLegs } from '../../../../scripts/hermetic/engines/engines.ts';

describe('engines', () => {
  it("put every binary a leg's bin needs in place", () => {
    for (const { source } of Object.values(ENGINES)) {
      expect(source.links.map((link) => link.name).sort()).toEqual([
        'cli-plugins/docker-buildx',
        'cli-plugins/docker-compose',
        'containerd',
        'containerd-shim-runc-v2',
        'docker',
        'docker-init',
        'docker-proxy',
        'dockerd',
      ]);
    }
  });

  it("take engine 28.5 from forky, with forky's runc beside forky's glibc", () => {
    const packages = listEnginePackages(ENGINES['28.5'].source).map(
      (ref) => `${ref.suite}/${ref.name}`,
    );
    expect(packages).toContain('forky/docker.io');
    expect(packages).toContain('forky/libc6');
    expect(new Set(packages).size).toBe(packages.length);
  });
});

describe('listLegs', () => {
  it('gives each engine one leg per store, named <engine>/<store>, in the order of ENGINES', () => {
    const versions = {
      docker: '1.0.0',
      containerd: '1.0.0',
      runc: '1.0.0',
      buildx: '1.0.0',
      compose: '1.0.0',
      init: '1.0.0',
    };
    const engines = ENGINE_IDS.map((id) => ({ id, bin: `/c/engines/${id}/bin`, versions }));
    expect(listLegs(engines).map((leg) => [leg.name, leg.bin])).toEqual([
      ['28.5/containerd', '/c/engines/28.5/bin'],
      ['28.5/overlay2', '/c/engines/28.5/bin'],
      ['26.1/overlay2', '/c/engines/26.1/bin'],
    ]);
  });
});

describe('listDebianOrigins', () => {
  it('names the package and Debian version each component came from', () => {
    const { source } = ENGINES['26.1'];
    const origins = listDebianOrigins(source, {
      'trixie/docker.io': '26.1.5+dfsg1-9+b11',
      'bookworm/runc': '1.1.5+ds1-1+deb12u1',
    });
    expect(origins).toEqual({
      docker: {
        kind: 'debian',
        suite: 'trixie',
        package: 'docker.io',
        version: '26.1.5+dfsg1-9+b11',
      },
      runc: { kind: 'debian', suite: 'bookworm', package: 'runc', version: '1.1.5+ds1-1+deb12u1' },
    });
  });
});
