import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../scripts/lib/run/engine/create-engine.ts';
import type { DockerEngine } from '../../../scripts/lib/run/engine/engine.ts';
import { proxyPortInSandbox } from '../../../scripts/lib/run/engine/sandbox/daemon-config.ts';
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
  engine = await createEngine({ kind: 'sandbox', mirrors: [registry.url], debug: () => {} });
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

  it('reaches other hosts only through the proxy in the verifier', async () => {
    const address = findHostAddress();
    const server = http.createServer((_request, response) => response.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    const url = `http://${address}:${(server.address() as AddressInfo).port}/`;
    const page = await engine.openPage({ id: 'proxy', images: [] });
    try {
      const proxy = `http://127.0.0.1:${proxyPortInSandbox}`;
      const direct = await runInPage(page, ['curl', '-sS', '--max-time', '2', url]);
      expect(direct.exitCode).not.toBe(0);
      const forwarded = await runInPage(page, ['curl', '-sS', '-x', proxy, url]);
      expect(String(forwarded.stdout)).toBe('hello');
      // -p tunnels with CONNECT, as dockerd does for HTTPS registries.
      const tunnelled = await runInPage(page, ['curl', '-sS', '-p', '-x', proxy, url]);
      expect(String(tunnelled.stdout)).toBe('hello');
    } finally {
      await page.dispose();
      server.closeAllConnections();
      server.close();
    }
  });
});

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
    // No `mirrors`: the sandbox copies them from the user's daemon, which uses the mirror.
    const own = await createEngine({ kind: 'sandbox', debug: () => {} });
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
