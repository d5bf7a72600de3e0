import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine } from '../../../scripts/lib/run/engine/create-engine.ts';
import type { DockerEngine } from '../../../scripts/lib/run/engine/engine.ts';
import { proxyPortInSandbox } from '../../../scripts/lib/run/engine/sandbox/daemon-config.ts';
import { hostDaemonEnv, readTestLegs, testLeg } from '../../helpers/legs.ts';
import { type BusyboxImage, makeBusyboxTar, makeImageBlobs } from './busybox-image.ts';
import { requireDocker, runInPage } from './probe.ts';
import { startTinyRegistry, type TinyRegistry } from './tiny-registry.ts';

let image: BusyboxImage;
let registry: TinyRegistry;
let engine: DockerEngine;

beforeAll(async () => {
  await requireDocker();
  image = await makeBusyboxTar();
  registry = await startTinyRegistry(await makeImageBlobs(image.tarPath));
  // A mirror on the host's loopback, which the sandbox reaches only through its relay.
  engine = await startEngine(await testLeg(), {
    mirrors: [registry.url],
    egress: (await readTestLegs()).tools?.slirp4netns,
    debug: () => {},
  });
});

afterAll(async () => {
  await engine?.close();
  await registry?.close();
  await image?.remove();
});

describe('sandbox networking', () => {
  it('pulls through a registry mirror on the host loopback', async () => {
    const page = await engine.openPage({ id: 'mirror', images: ['dfvtest-busybox'] });
    try {
      expect(registry.requests.join('\n')).toMatch(
        / \/v2\/library\/dfvtest-busybox\/manifests\/latest$/m,
      );
      const run = await runInPage(page, ['docker', 'run', '--rm', 'dfvtest-busybox', 'echo', 'hi']);
      expect(String(run.stdout)).toBe('hi');
    } finally {
      await page.dispose();
    }
  });

  it('reports an image no registry has as IMAGE_NOT_FOUND', async () => {
    // The tiny registry serves any name, so ask a registry that does not exist.
    const missing = 'registry.invalid/nothing:1';
    await expect(engine.openPage({ id: 'missing', images: [missing] })).rejects.toMatchObject({
      code: 'IMAGE_NOT_FOUND',
    });
  });

  it('reaches other hosts through its egress, and through the proxy in the verifier', async () => {
    const server = await serveHello(findHostAddress());
    const page = await engine.openPage({ id: 'proxy', images: [] });
    try {
      const proxy = `http://127.0.0.1:${proxyPortInSandbox}`;
      const direct = await runInPage(page, ['curl', '-sS', '--max-time', '5', server.url]);
      expect(String(direct.stdout)).toBe('hello');
      const forwarded = await runInPage(page, ['curl', '-sS', '-x', proxy, server.url]);
      expect(String(forwarded.stdout)).toBe('hello');
      // -p tunnels with CONNECT, as dockerd does for HTTPS registries.
      const tunnelled = await runInPage(page, ['curl', '-sS', '-p', '-x', proxy, server.url]);
      expect(String(tunnelled.stdout)).toBe('hello');
    } finally {
      await page.dispose();
      server.close();
    }
  });

  it('gives containers their way out, as a reader has it, with no proxy in their environment', async () => {
    const server = await serveHello(findHostAddress());
    const page = await engine.openPage({ id: 'egress', images: ['dfvtest-busybox'] });
    try {
      const fetch = ['dfvtest-busybox', 'wget', '-qO-', '-T', '5', server.url];
      const bridged = await runInPage(page, ['docker', 'run', '--rm', ...fetch]);
      expect(String(bridged.stdout), String(bridged.stderr)).toBe('hello');
      await runInPage(page, ['docker', 'network', 'create', 'apps']);
      const networked = await runInPage(page, [
        'docker',
        'run',
        '--rm',
        '--network',
        'apps',
        ...fetch,
      ]);
      expect(String(networked.stdout), String(networked.stderr)).toBe('hello');
      const env = await runInPage(page, ['docker', 'run', '--rm', 'dfvtest-busybox', 'env']);
      expect(String(env.stdout)).not.toMatch(/proxy/i);
    } finally {
      await page.dispose();
      server.close();
    }
  });

  it("keeps the host's own loopback out of its containers' reach", async () => {
    const server = await serveHello('127.0.0.1');
    const page = await engine.openPage({ id: 'loopback', images: ['dfvtest-busybox'] });
    try {
      // slirp4netns's gateway would stand for the host's loopback without --disable-host-loopback.
      const url = server.url.replace('127.0.0.1', '10.0.2.2');
      const run = ['docker', 'run', '--rm', 'dfvtest-busybox', 'wget', '-qO-', '-T', '3', url];
      const result = await runInPage(page, run);
      expect(result.exitCode).not.toBe(0);
      expect(String(result.stdout)).toBe('');
    } finally {
      await page.dispose();
      server.close();
    }
  });
});

/** An HTTP server answering `hello` on `address`, on a free port. */
async function serveHello(address: string): Promise<{ url: string; close(): void }> {
  const server = http.createServer((_request, response) => response.end('hello'));
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  return {
    url: `http://${address}:${(server.address() as AddressInfo).port}/`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

const hermeticMirror = 'http://127.0.0.1:5555';

// Needs the hermetic mirror, as every Docker test does (`npm run hermetic`); the tiny
// registry above covers the relay itself.
describe('sandbox with the hermetic mirror', () => {
  it('pulls busybox with an unmodified `docker pull`', async () => {
    const probe = await execa('curl', ['-sf', '--max-time', '2', `${hermeticMirror}/v2/`], {
      reject: false,
    });
    if (probe.exitCode !== 0)
      throw new Error(`No registry mirror at ${hermeticMirror}: run \`npm run hermetic\` first.`);
    // No `mirrors`: the sandbox copies them from the user's daemon (here hermetic's host
    // dockerd), which uses the mirror.
    process.env['DOCKER_HOST'] = (await hostDaemonEnv()).DOCKER_HOST;
    const own = await startEngine(await testLeg(), { debug: () => {} });
    try {
      const page = await own.openPage({ id: 'hermetic', images: [] });
      const pull = await runInPage(page, ['docker', 'pull', 'busybox']);
      expect(pull.stderr).toBe('');
      expect(String(pull.stdout)).toContain('docker.io/library/busybox:latest');
    } finally {
      await own.close();
    }
  });
});

/** An address of this machine that a sandbox cannot reach directly (not loopback). */
function findHostAddress(): string {
  const address = Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;
  if (!address) throw new Error('This test needs a non-loopback IPv4 address on the host.');
  return address;
}
