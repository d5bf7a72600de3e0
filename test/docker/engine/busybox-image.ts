/**
 * Test images made on the spot from the host's busybox, so the tests need neither internet
 * nor a registry: a root filesystem tarball (for `docker import`) and the blobs of the same
 * image as a registry serves them (for tiny-registry.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execa } from 'execa';

const busyboxPaths = ['/bin/busybox', '/usr/bin/busybox'];
const applets = ['sh', 'echo', 'cat', 'ls', 'sleep', 'httpd', 'wget', 'true'];

export interface BusyboxImage {
  /** An uncompressed tar of the root filesystem. */
  tarPath: string;
  remove(): Promise<void>;
}

/** A static busybox and a few applets; fails with a clear message where busybox is missing. */
export async function makeBusyboxTar(): Promise<BusyboxImage> {
  const busybox = busyboxPaths.find((path) => existsSync(path));
  if (!busybox) {
    throw new Error(
      `These tests build their image from a static busybox (${busyboxPaths.join(' or ')}): apt-get install busybox-static`,
    );
  }
  const folder = await mkdtemp(join(tmpdir(), 'dfv-test-image-'));
  const root = join(folder, 'rootfs');
  await mkdir(join(root, 'bin'), { recursive: true });
  await copyFile(busybox, join(root, 'bin', 'busybox'));
  for (const applet of applets) await symlink('busybox', join(root, 'bin', applet));
  const tarPath = join(folder, 'rootfs.tar');
  await execa('tar', ['-C', root, '-cf', tarPath, '.']);
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
