import { describe, expect, it } from 'vitest';
import {
  layoutOfInfo,
  parseContextInspect,
  parseDaemonLayout,
  parseRegistryConfig,
  parseServerVersion,
  parseVersionJson,
} from '../../../../scripts/lib/run/engine/docker-output.ts';

describe('parseVersionJson', () => {
  it('reads client, server and the API version the daemon speaks', () => {
    const stdout = JSON.stringify({
      Client: { Version: '28.2.2', ApiVersion: '1.41', DefaultAPIVersion: '1.50' },
      Server: { Version: '20.10.24+dfsg1', ApiVersion: '1.41', MinAPIVersion: '1.12' },
    });
    expect(parseVersionJson(stdout)).toEqual({
      client: '28.2.2',
      server: { version: '20.10.24+dfsg1', apiVersion: '1.41' },
    });
  });

  it('reads the containerd and runc the daemon runs on', () => {
    const stdout = JSON.stringify({
      Client: { Version: '28.5.2' },
      Server: {
        Version: '28.5.2',
        ApiVersion: '1.51',
        Components: [
          { Name: 'Engine', Version: '28.5.2' },
          { Name: 'containerd', Version: '2.1.9' },
          { Name: 'runc', Version: '1.3.6' },
          { Name: 'docker-init', Version: '0.19.0' },
        ],
      },
    });
    expect(parseVersionJson(stdout)?.server).toEqual({
      version: '28.5.2',
      apiVersion: '1.51',
      containerd: '2.1.9',
      runc: '1.3.6',
    });
  });

  it('keeps the client when the daemon did not answer', () => {
    const stdout = JSON.stringify({ Client: { Version: '28.2.2' }, Server: null });
    expect(parseVersionJson(stdout)).toEqual({ client: '28.2.2', server: undefined });
  });

  it.each(['', 'Cannot connect', '{"Server": {"Version": 1}}'])('rejects %j', (stdout) => {
    expect(parseVersionJson(stdout)).toBeUndefined();
  });
});

describe('the API answers', () => {
  it('reads GET /version as docker version reads its Server', () => {
    const answer = {
      Version: '29.7.2',
      ApiVersion: '1.55',
      MinAPIVersion: '1.24',
      Components: [{ Name: 'containerd', Version: 'v2.3.3' }],
    };
    expect(parseServerVersion(answer)).toEqual({
      version: '29.7.2',
      apiVersion: '1.55',
      containerd: 'v2.3.3',
    });
    expect(parseServerVersion({ message: 'page not found' })).toBeUndefined();
  });

  it('reads GET /info as docker info reads it', () => {
    const info = {
      Driver: 'overlayfs',
      DriverStatus: [['driver-type', 'io.containerd.snapshotter.v1']],
    };
    expect(layoutOfInfo(info).store).toBe('containerd');
    expect(layoutOfInfo(undefined).store).toBeUndefined();
  });
});

describe('layoutOfInfo', () => {
  it('reads the store and the data root from one answer to GET /info', () => {
    const info = {
      Driver: 'overlayfs',
      DriverStatus: [['driver-type', 'io.containerd.snapshotter.v1']],
      DockerRootDir: '/var/lib/docker',
    };
    expect(layoutOfInfo(info)).toEqual({ store: 'containerd', dataRoot: '/var/lib/docker' });
    expect(
      parseDaemonLayout(JSON.stringify({ Driver: 'overlay2', DockerRootDir: '/srv/d' })),
    ).toEqual({ store: 'overlay2', dataRoot: '/srv/d' });
  });

  it('knows neither from what is not an answer of /info', () => {
    expect(layoutOfInfo({ message: 'page not found' })).toEqual({
      store: undefined,
      dataRoot: undefined,
    });
    expect(parseDaemonLayout('Cannot connect')).toEqual({ store: undefined, dataRoot: undefined });
  });
});

describe('parseDaemonLayout: the store', () => {
  it.each([
    [
      { Driver: 'overlayfs', DriverStatus: [['driver-type', 'io.containerd.snapshotter.v1']] },
      'containerd',
    ],
    [{ Driver: 'overlay2', DriverStatus: [['Backing Filesystem', 'extfs']] }, 'overlay2'],
    [{ Driver: 'vfs', DriverStatus: null }, 'vfs'],
  ])('reads %j as %s', (info, store) => {
    expect(parseDaemonLayout(JSON.stringify(info)).store).toBe(store);
  });

  it('gives nothing for what is not docker info', () => {
    expect(parseDaemonLayout('Cannot connect').store).toBeUndefined();
  });
});

describe('parseRegistryConfig', () => {
  it('gives back mirrors, insecure CIDRs and registries marked insecure by name', () => {
    const stdout = JSON.stringify({
      IndexConfigs: {
        'docker.io': { Mirrors: ['http://127.0.0.1:5555/'], Name: 'docker.io', Secure: true },
        'registry.lan:5000': { Mirrors: [], Name: 'registry.lan:5000', Secure: false },
      },
      InsecureRegistryCIDRs: ['127.0.0.0/8'],
      Mirrors: ['http://127.0.0.1:5555/'],
    });
    expect(parseRegistryConfig(stdout)).toEqual({
      mirrors: ['http://127.0.0.1:5555/'],
      insecureRegistries: ['127.0.0.0/8', 'registry.lan:5000'],
    });
  });

  it('reads a daemon without any of them', () => {
    expect(parseRegistryConfig('{"IndexConfigs":null,"Mirrors":null}')).toEqual({
      mirrors: [],
      insecureRegistries: [],
    });
  });
});

describe('parseContextInspect', () => {
  const context = (extra: object) =>
    JSON.stringify([
      {
        Name: 'remote',
        Endpoints: { docker: { Host: 'tcp://10.0.0.5:2376', SkipTLSVerify: false } },
        ...extra,
      },
    ]);

  it('reads the endpoint of the default context', () => {
    const stdout = JSON.stringify([
      {
        Name: 'default',
        Metadata: {},
        Endpoints: { docker: { Host: 'unix:///var/run/docker.sock', SkipTLSVerify: false } },
        TLSMaterial: {},
        Storage: { MetadataPath: '<IN MEMORY>', TLSPath: '<IN MEMORY>' },
      },
    ]);
    expect(parseContextInspect(stdout)).toEqual({
      name: 'default',
      host: 'unix:///var/run/docker.sock',
      skipTlsVerify: false,
      tlsPath: undefined,
    });
  });

  it('points at the TLS files of a context that has them', () => {
    const stdout = context({
      TLSMaterial: { docker: ['ca.pem', 'cert.pem', 'key.pem'] },
      Storage: { TLSPath: '/root/.docker/contexts/tls/abc' },
    });
    expect(parseContextInspect(stdout)?.tlsPath).toBe('/root/.docker/contexts/tls/abc/docker');
  });

  it('rejects anything but exactly one context', () => {
    expect(parseContextInspect('[]')).toBeUndefined();
    expect(parseContextInspect('not json')).toBeUndefined();
  });
});
