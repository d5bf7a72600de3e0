import { describe, expect, it } from 'vitest';
import {
  parseContextInspect,
  parseRegistryConfig,
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

  it('keeps the client when the daemon did not answer', () => {
    const stdout = JSON.stringify({ Client: { Version: '28.2.2' }, Server: null });
    expect(parseVersionJson(stdout)).toEqual({ client: '28.2.2', server: undefined });
  });

  it.each(['', 'Cannot connect', '{"Server": {"Version": 1}}'])('rejects %j', (stdout) => {
    expect(parseVersionJson(stdout)).toBeUndefined();
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
