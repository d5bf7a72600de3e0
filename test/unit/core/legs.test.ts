import { describe, expect, it } from 'vitest';
import { legsFileSchema } from '../../../scripts/lib/core/legs.ts';

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

  it('accepts where each component came from, Debian or upstream', () => {
    const origins = {
      docker: { kind: 'debian', suite: 'forky', package: 'docker.io', version: '28.5.2+dfsg4-1' },
      runc: {
        kind: 'upstream',
        repository: 'github.com/opencontainers/runc',
        tag: 'v1.4.3',
        commit: 'a'.repeat(40),
      },
    };
    const withOrigins = { ...file, legs: [{ ...leg, origins }] };
    expect(legsFileSchema.parse(withOrigins)).toEqual(withOrigins);
    const badCommit = { ...origins.runc, commit: 'v1.4.3' };
    expect(() =>
      legsFileSchema.parse({ ...file, legs: [{ ...leg, origins: { runc: badCommit } }] }),
    ).toThrow();
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
