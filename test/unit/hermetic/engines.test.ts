import { describe, expect, it } from 'vitest';
import { resolvePaths } from '../../../scripts/hermetic/config.ts';
import { pickDebFiles } from '../../../scripts/hermetic/debs.ts';
import { renderIptablesWrapper } from '../../../scripts/hermetic/engine-bin.ts';
import { ENGINES, listEnginePackages, parseVersion } from '../../../scripts/hermetic/engines.ts';
import {
  renderHostDaemonConfig,
  selectForeignDaemons,
} from '../../../scripts/hermetic/host-daemon.ts';
import { legsFileSchema } from '../../../scripts/hermetic/legs-file.ts';

describe('parseVersion', () => {
  it.each([
    ['Docker version 28.5.2+dfsg4, build 3ef3c07c', '28.5.2'],
    ['containerd github.com/containerd/containerd/v2 2.1.9+unknown ', '2.1.9'],
    ['containerd github.com/containerd/containerd 1.7.24~ds1 1.7.24~ds1-6+deb13u1', '1.7.24'],
    ['runc version 1.3.6+ds1\ncommit: 1.3.6+ds1-1\nspec: 1.2.1', '1.3.6'],
    ['github.com/docker/buildx 0.29.1+ds1 0.29.1+ds1-4', '0.29.1'],
    ['Docker Compose version 2.40.3-3', '2.40.3'],
    ['tini version 0.19.0', '0.19.0'],
  ])('%s -> %s', (text, version) => {
    expect(parseVersion(text)).toBe(version);
  });
});

describe('engines', () => {
  it("put every binary a leg's bin needs in place", () => {
    for (const spec of Object.values(ENGINES)) {
      expect(spec.links.map((link) => link.name).sort()).toEqual([
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
    const packages = listEnginePackages(ENGINES['28.5']).map((ref) => `${ref.suite}/${ref.name}`);
    expect(packages).toContain('forky/docker.io');
    expect(packages).toContain('forky/libc6');
    expect(new Set(packages).size).toBe(packages.length);
  });
});

describe('pickDebFiles', () => {
  it('picks the newest cached .deb of each package and nothing of a similar name', () => {
    const files = ['runc_1.1.5_amd64.deb', 'runc_1.1.6_amd64.deb', 'runc-dev_1.2_amd64.deb'];
    expect(pickDebFiles(['runc', 'tini'], files)).toEqual({
      runc: 'runc_1.1.6_amd64.deb',
      tini: undefined,
    });
  });
});

describe('renderIptablesWrapper', () => {
  it('runs the cached xtables with its own libraries and extensions', () => {
    const script = renderIptablesWrapper('/c/tools/iptables', 'iptables-save');
    expect(script).toContain(
      'exec \'/c/tools/iptables/usr/sbin/xtables-nft-multi\' iptables-save "$@"',
    );
    expect(script).toContain("XTABLES_LIBDIR='/c/tools/iptables/usr/lib/x86_64-linux-gnu/xtables'");
  });
});

describe('host daemon', () => {
  it('keeps its socket, state and pidfile in the cache, with the mirror and the classic store', () => {
    const config = JSON.parse(renderHostDaemonConfig(resolvePaths('/c')));
    expect(config.hosts).toEqual(['unix:///c/run/docker.sock']);
    expect(config['data-root']).toBe('/c/host-daemon/data');
    expect(config['registry-mirrors']).toEqual(['http://127.0.0.1:5555']);
    expect(config.features).toEqual({ 'containerd-snapshotter': false });
  });

  it('counts as foreign only dockerd processes in our network namespace that are not ours', () => {
    const processes = [
      { pid: 1, comm: 'dockerd', netns: 'net:[1]' },
      { pid: 2, comm: 'dockerd', netns: 'net:[2]' },
      { pid: 3, comm: 'dockerd', netns: 'net:[1]' },
      { pid: 4, comm: 'containerd', netns: 'net:[1]' },
    ];
    expect(selectForeignDaemons(processes, 'net:[1]', 3)).toEqual([1]);
  });
});

describe('legsFileSchema', () => {
  const leg = {
    name: '28.5/containerd',
    engine: '28.5',
    store: 'containerd',
    bin: '/c/engines/28.5/bin',
    versions: {
      docker: '28.5.2',
      containerd: '2.1.9',
      runc: '1.3.6',
      buildx: '0.29.1',
      compose: '2.40.3',
      init: '0.19.0',
    },
  };
  const file = {
    mirror: 'http://127.0.0.1:5555',
    hostDaemon: 'unix:///c/run/docker.sock',
    legs: [leg],
  };

  it('accepts what hermetic writes', () => {
    expect(legsFileSchema.parse(file)).toEqual(file);
  });

  it('refuses a leg whose name is not <engine>/<store>', () => {
    expect(() =>
      legsFileSchema.parse({ ...file, legs: [{ ...leg, name: '28.5/overlay2' }] }),
    ).toThrow();
    expect(() =>
      legsFileSchema.parse({ ...file, legs: [{ ...leg, bin: 'relative/bin' }] }),
    ).toThrow();
  });
});
