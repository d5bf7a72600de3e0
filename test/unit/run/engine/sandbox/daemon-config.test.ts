import { describe, expect, it } from 'vitest';
import { VerifyError } from '../../../../../scripts/lib/core/errors.ts';
import {
  buildDaemonConfig,
  buildDaemonEnv,
  findLoopbackTargets,
  isLoopbackHost,
  proxyPortInSandbox,
} from '../../../../../scripts/lib/run/engine/sandbox/daemon-config.ts';

describe('buildDaemonConfig', () => {
  it('keeps every path in the scratch folder and copies the registry settings', () => {
    const config = buildDaemonConfig({
      scratch: '/tmp/dfv-abc',
      cgroupParent: '/dfv-abc',
      registry: { mirrors: ['http://127.0.0.1:5555/'], insecureRegistries: ['127.0.0.0/8'] },
    });
    expect(config).toMatchInlineSnapshot(`
      {
        "cgroup-parent": "/dfv-abc",
        "exec-root": "/tmp/dfv-abc/exec",
        "hosts": [
          "unix:///var/run/docker.sock",
        ],
        "insecure-registries": [
          "127.0.0.0/8",
        ],
        "pidfile": "/tmp/dfv-abc/docker.pid",
        "registry-mirrors": [
          "http://127.0.0.1:5555/",
        ],
        "shutdown-timeout": 1,
      }
    `);
  });

  it("leaves the daemon its default paths in a reader's machine, where /run is its own", () => {
    const registry = { mirrors: [], insecureRegistries: [] };
    const config = buildDaemonConfig({
      scratch: '/s',
      cgroupParent: '/c',
      registry,
      isInMachine: true,
    });
    expect(Object.keys(config).sort()).toEqual([
      'cgroup-parent',
      'insecure-registries',
      'registry-mirrors',
      'shutdown-timeout',
    ]);
  });

  it.each([
    ['containerd', { 'containerd-snapshotter': true }],
    ['overlay2', { 'containerd-snapshotter': false }],
    [undefined, undefined],
  ])('sets the image store %s asks for', (store, features) => {
    const registry = { mirrors: [], insecureRegistries: [] };
    const config = buildDaemonConfig({ scratch: '/s', cgroupParent: '/c', registry, store });
    expect(config.features).toEqual(features);
  });
});

describe('buildDaemonEnv', () => {
  it('proxies through the in-sandbox relay and leaves loopback direct', () => {
    const env = buildDaemonEnv();
    expect(env['HTTPS_PROXY']).toBe(`http://127.0.0.1:${proxyPortInSandbox}`);
    expect(env['no_proxy']).toContain('127.0.0.0/8');
  });
});

describe('findLoopbackTargets', () => {
  it.each([
    [['http://127.0.0.1:5555/'], [{ host: '127.0.0.1', port: 5555 }]],
    [['http://localhost'], [{ host: 'localhost', port: 80 }]],
    [['https://[::1]:8443'], [{ host: '::1', port: 8443 }]],
    [['https://mirror.gcr.io'], []],
    [['http://127.0.0.1:5555', 'http://127.0.0.2:5555'], [{ host: '127.0.0.1', port: 5555 }]],
  ])('%j → %j', (mirrors, targets) => {
    expect(findLoopbackTargets(mirrors)).toEqual(targets);
  });

  it('rejects a mirror that is not an http(s) URL', () => {
    expect(() => findLoopbackTargets(['127.0.0.1:5555'])).toThrow(VerifyError);
    expect(() => findLoopbackTargets(['ftp://mirror'])).toThrow(/expected an http/);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['localhost', true],
    ['10.0.0.1', false],
    ['127.example.com', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
