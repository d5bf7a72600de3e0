// Writes an image as an OCI image layout folder (oci-layout, index.json, blobs/sha256/...),
// the form `skopeo`, `crane` or `docker load` read, before it is pushed.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuiltImage } from './image.ts';

/** Pure: the layout's index.json, naming the image index by `reference` (e.g. `busybox:latest`). */
export function renderLayoutIndex(image: BuiltImage, reference: string): string {
  const tag = reference.split(':').at(-1) ?? reference;
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      {
        ...image.index,
        annotations: {
          'io.containerd.image.name': `docker.io/library/${reference}`,
          'org.opencontainers.image.ref.name': tag,
        },
      },
    ],
  });
}

/** Replaces `dir` with the OCI layout of `image`. */
export async function writeLayout(
  dir: string,
  image: BuiltImage,
  reference: string,
): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
  await writeFile(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  await writeFile(join(dir, 'index.json'), renderLayoutIndex(image, reference));
  for (const [digest, bytes] of image.blobs) {
    await writeFile(join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)), bytes);
  }
}
