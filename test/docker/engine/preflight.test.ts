import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  preflightDocker,
  resolveDockerEndpoint,
} from '../../../scripts/lib/run/engine/preflight.ts';
import { hostDaemonEnv } from '../../helpers/legs.ts';
import { useForFile } from '../../helpers/turns.ts';
import { requireDocker } from './probe.ts';

const saved = { ...process.env };

useForFile('host-daemon');
beforeAll(requireDocker);

afterEach(() => {
  for (const name of ['DOCKER_HOST', 'DOCKER_CONFIG', 'PATH']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('preflightDocker', () => {
  it('finds and reaches the daemon of the current context', async () => {
    // A user whose current context is hermetic's host dockerd.
    const config = await mkdtemp(join(tmpdir(), 'dfv-context-'));
    const { DOCKER_HOST: host } = await hostDaemonEnv();
    const docker = (...args: string[]) =>
      execa('docker', ['--config', config, ...args], { env: { DOCKER_HOST: '' } });
    await docker('context', 'create', 'hermetic', '--docker', `host=${host}`);
    await docker('context', 'use', 'hermetic');
    delete process.env['DOCKER_HOST'];
    process.env['DOCKER_CONFIG'] = config;
    const preflight = await preflightDocker();
    expect(preflight.endpoint).toMatchObject({ host, source: 'context "hermetic"' });
    expect(preflight.endpoint.env['DOCKER_HOST']).toBe(preflight.endpoint.host);
    expect(preflight.server.version).toMatch(/^\d+\.\d+/);
  });

  it('names the endpoint it could not reach', async () => {
    process.env['DOCKER_HOST'] = 'unix:///nonexistent.sock';
    await expect(resolveDockerEndpoint()).resolves.toMatchObject({ source: 'DOCKER_HOST' });
    const failure = preflightDocker();
    await expect(failure).rejects.toMatchObject({ code: 'DOCKER_UNREACHABLE' });
    await expect(failure).rejects.toThrow(
      /Cannot reach the Docker daemon at unix:\/\/\/nonexistent\.sock/,
    );
    await expect(failure).rejects.toMatchObject({ hint: expect.stringContaining('DOCKER_HOST') });
  });

  it('says so when the docker CLI is missing', async () => {
    process.env['PATH'] = '/nonexistent';
    await expect(preflightDocker()).rejects.toMatchObject({ code: 'DOCKER_CLI_MISSING' });
  });
});
