import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine } from '../../../scripts/lib/run/engine/create-engine.ts';
import type { DockerEngine } from '../../../scripts/lib/run/engine/engine.ts';
import { singleLeg } from '../../../scripts/lib/run/engine/resolve-legs.ts';
import { hostDaemonEnv } from '../../helpers/legs.ts';
import { useForFile } from '../../helpers/turns.ts';
import { type BusyboxImage, makeBusyboxTar, makeImageBlobs } from './busybox-image.ts';
import { requireDocker, runInPage, runOnHost } from './probe.ts';
import { startTinyRegistry, type TinyRegistry } from './tiny-registry.ts';

const suffix = `${process.pid}-${Date.now()}`;
const userImage = `dfv-test/user:${suffix}`;
const userContainer = `dfv-test-user-${suffix}`;

let image: BusyboxImage;
let registry: TinyRegistry;
let engine: DockerEngine;
let userImageId = '';

const inspect = async (kind: string, name: string) =>
  (await runOnHost([kind, 'inspect', '--format', '{{.Id}}', name])).stdout;
const exists = async (kind: string, name: string) =>
  (await runOnHost([kind, 'inspect', name])).exitCode === 0;

useForFile('host-daemon');
beforeAll(async () => {
  await requireDocker();
  image = await makeBusyboxTar();
  registry = await startTinyRegistry(await makeImageBlobs(image.tarPath));
  // The user's own image and container, there before the verifier runs.
  expect((await runOnHost(['import', image.tarPath, userImage])).stderr).toBe('');
  expect((await runOnHost(['create', '--name', userContainer, userImage, 'true'])).stderr).toBe('');
  userImageId = String(await inspect('image', userImage));
  // The user's daemon of these tests is hermetic's host dockerd.
  process.env['DOCKER_HOST'] = (await hostDaemonEnv()).DOCKER_HOST;
  engine = await startEngine(singleLeg('host'), { debug: () => {} });
});

afterAll(async () => {
  await engine?.close();
  await runOnHost(['rm', '--force', userContainer]);
  await runOnHost(['rmi', userImage]);
  await registry?.close();
  await image?.remove();
});

describe('host engine', () => {
  it('runs pages one at a time on the user daemon', () => {
    expect(engine.kind).toBe('host');
    expect(engine.maxParallelPages).toBe(1);
    expect(engine.versions.server).toMatch(/^\d+\.\d+/);
  });

  it('removes what a page created or pulled, and only that', async () => {
    const pulled = `127.0.0.1:${registry.port}/dfvtest/pulled:1`;
    const page = await engine.openPage({ id: 'host', images: [pulled] });
    expect(await exists('image', pulled)).toBe(true);
    expect(page.env['DOCKER_HOST']).toMatch(/^(unix|tcp|ssh|npipe):\/\//);
    const steps = [
      ['docker', 'run', '-d', '--name', `dfv-test-page-${suffix}`, userImage, 'sleep', '300'],
      ['docker', 'volume', 'create', `dfv-test-volume-${suffix}`],
      ['docker', 'network', 'create', `dfv-test-network-${suffix}`],
      ['docker', 'tag', userImage, `dfv-test/new-tag:${suffix}`],
      ['docker', 'import', image.tarPath, `dfv-test/built:${suffix}`],
    ];
    for (const step of steps) expect((await runInPage(page, step)).stderr).toBe('');

    await page.dispose();

    expect(await exists('container', `dfv-test-page-${suffix}`)).toBe(false);
    expect(await exists('volume', `dfv-test-volume-${suffix}`)).toBe(false);
    expect(await exists('network', `dfv-test-network-${suffix}`)).toBe(false);
    expect(await exists('image', `dfv-test/new-tag:${suffix}`)).toBe(false);
    expect(await exists('image', `dfv-test/built:${suffix}`)).toBe(false);
    expect(await exists('image', pulled)).toBe(false);
    expect(await exists('container', userContainer)).toBe(true);
    expect(await inspect('image', userImage)).toBe(userImageId);
  });

  it('puts back a user tag that a page moved to another image', async () => {
    const page = await engine.openPage({ id: 'retag', images: [] });
    expect((await runInPage(page, ['docker', 'import', image.tarPath, userImage])).stderr).toBe('');
    expect(await inspect('image', userImage)).not.toBe(userImageId);
    await page.dispose();
    expect(await inspect('image', userImage)).toBe(userImageId);
  });
});
