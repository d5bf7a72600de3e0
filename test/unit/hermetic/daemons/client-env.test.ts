import { describe, expect, it } from 'vitest';
import {
  buildClientEnv,
  renderEnvScript,
} from '../../../../scripts/hermetic/daemons/client-env.ts';
import { resolvePaths } from '../../../../scripts/hermetic/plumbing/config.ts';
import type { ProvidedLeg as Leg } from '../../../../scripts/lib/core/legs.ts';

const leg: Leg = {
  name: '28.5/overlay2',
  engine: '28.5',
  store: 'overlay2',
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

describe('client env', () => {
  it("puts the leg's bin first and the host daemon and plugins in place", () => {
    expect(
      buildClientEnv(resolvePaths('/c'), leg, 'unix:///c/run/docker.sock', '/usr/bin'),
    ).toEqual({
      PATH: '/c/engines/28.5/bin:/usr/bin',
      DOCKER_HOST: 'unix:///c/run/docker.sock',
      DOCKER_CONFIG: '/c/client/docker-config',
    });
  });

  it('is a script to source, keeping the PATH it is sourced in', () => {
    expect(renderEnvScript(resolvePaths('/c'), leg, 'unix:///c/run/docker.sock')).toMatch(
      /^export PATH='?\/c\/engines\/28\.5\/bin'?:"\$PATH"$/m,
    );
  });
});
