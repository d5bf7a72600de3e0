import { describe, expect, it } from 'vitest';
import {
  listDebianOrigins,
  listEnginePackages,
} from '../../../../scripts/hermetic/engines/debian-source.ts';
import {
  ENGINE_IDS,
  ENGINES,
  listBinNames,
  listLegs,
} from '../../../../scripts/hermetic/engines/engines.ts';
import { listUpstreamOrigins } from '../../../../scripts/hermetic/engines/upstream-source.ts';

describe('engines', () => {
  it("put every binary a leg's bin needs in place, once", () => {
    for (const { source } of Object.values(ENGINES)) {
      expect(listBinNames(source)).toEqual([
        'cli-plugins/docker-buildx',
        'cli-plugins/docker-compose',
        'containerd',
        'containerd-shim-runc-v2',
        'docker',
        'docker-init',
        'docker-proxy',
        'dockerd',
        'runc',
      ]);
    }
  });

  it('build engine 29.7 from the tags Docker 29.7.2 ships, with Compose and tini from forky', () => {
    const { source } = ENGINES['29.7'];
    expect(source.components.map((c) => `${c.repository}@${c.tag}`)).toEqual([
      'github.com/moby/moby@docker-v29.7.2',
      'github.com/docker/cli@v29.7.2',
      'github.com/containerd/containerd@v2.3.3',
      'github.com/opencontainers/runc@v1.4.3',
      'github.com/docker/buildx@v0.36.1',
    ]);
    expect(source.links.map((link) => `${link.from.suite}/${link.from.name}`)).toEqual([
      'forky/tini-static',
      'forky/docker-compose',
    ]);
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
      ['29.7/containerd', '/c/engines/29.7/bin'],
      ['29.7/overlay2', '/c/engines/29.7/bin'],
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

describe('listUpstreamOrigins', () => {
  it('names the tag and commit of what was built, and the Debian package of the rest', () => {
    const origins = listUpstreamOrigins(ENGINES['29.7'].source, {
      'forky/docker-compose': '2.40.3-3',
    });
    expect(origins).toEqual({
      docker: {
        kind: 'upstream',
        repository: 'github.com/moby/moby',
        tag: 'docker-v29.7.2',
        commit: '6a43e3d5afddf4111da0f864bbc7cae5d7e95001',
      },
      containerd: {
        kind: 'upstream',
        repository: 'github.com/containerd/containerd',
        tag: 'v2.3.3',
        commit: 'aad11006b869517fcd3009450b6f82da282e1a9b',
      },
      runc: {
        kind: 'upstream',
        repository: 'github.com/opencontainers/runc',
        tag: 'v1.4.3',
        commit: 'bb14dabeb7185bb72c8c86735d090dcb20f36587',
      },
      buildx: {
        kind: 'upstream',
        repository: 'github.com/docker/buildx',
        tag: 'v0.36.1',
        commit: '1d8dde89b8aba914e05e45366770736fea1fd690',
      },
      compose: { kind: 'debian', suite: 'forky', package: 'docker-compose', version: '2.40.3-3' },
    });
  });
});
