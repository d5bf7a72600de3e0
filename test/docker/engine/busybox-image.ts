/**
 * Test images made on the spot from hermetic's busybox:musl (a static busybox), read from its
 * OCI layout in the cache, so the tests need neither the host's busybox nor a pull: a root
 * filesystem tarball (for `docker import`) and the blobs of the same image as a registry
 * serves them (for tiny-registry.ts).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { resolvePaths } from '../../../scripts/hermetic/plumbing/config.ts';

export interface BusyboxImage {
  /** An uncompressed tar of the root filesystem. */
  tarPath: string;
  remove(): Promise<void>;
}

type Descriptor = { digest: string; platform?: { architecture: string } };

/** busybox:musl's root filesystem; fails with a clear message before `npm run hermetic`. */
export async function makeBusyboxTar(): Promise<BusyboxImage> {
  const layout = join(resolvePaths().layoutsDir, 'busybox-musl');
  const blob = (digest: string) => readFile(join(layout, 'blobs', 'sha256', digest.slice(7)));
  const top = await readFile(join(layout, 'index.json'), 'utf8').catch(() => {
    throw new Error(
      `These tests take busybox from hermetic's cache (${layout}): run \`npm run hermetic\` first`,
    );
  });
  const [indexRef] = (JSON.parse(top) as { manifests: Descriptor[] }).manifests;
  const index = JSON.parse(String(await blob(indexRef?.digest ?? ''))) as {
    manifests: Descriptor[];
  };
  const amd64 = index.manifests.find((entry) => entry.platform?.architecture === 'amd64');
  const manifest = JSON.parse(String(await blob(amd64?.digest ?? ''))) as { layers: Descriptor[] };
  const layer = await blob(manifest.layers[0]?.digest ?? '');
  const folder = await mkdtemp(join(tmpdir(), 'dfv-test-image-'));
  const tarPath = join(folder, 'rootfs.tar');
  await writeFile(tarPath, gunzipSync(layer));
  return { tarPath, remove: () => rm(folder, { recursive: true, force: true }) };
}

export interface ImageBlobs {
  manifest: Buffer;
  manifestDigest: string;
  blobs: Map<string, Buffer>;
}

/** The image as a registry serves it: a schema 2 manifest, its config and one gzipped layer. */
export async function makeImageBlobs(tarPath: string): Promise<ImageBlobs> {
  const tar = await readFile(tarPath);
  const layer = gzipSync(tar);
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Cmd: ['sh'] },
      rootfs: { type: 'layers', diff_ids: [digestOf(tar)] },
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: {
        mediaType: 'application/vnd.docker.container.image.v1+json',
        size: config.length,
        digest: digestOf(config),
      },
      layers: [
        {
          mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
          size: layer.length,
          digest: digestOf(layer),
        },
      ],
    }),
  );
  const blobs = new Map([
    [digestOf(config), config],
    [digestOf(layer), layer],
  ]);
  return { manifest, manifestDigest: digestOf(manifest), blobs };
}

function digestOf(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}
