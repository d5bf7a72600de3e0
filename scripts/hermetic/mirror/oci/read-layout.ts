// Reads back an image hermetic wrote as an OCI layout (layout.ts): what an image built FROM it
// reuses, its layers byte for byte (so they keep their digests, as on Docker Hub), its config
// and history.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { HermeticError } from '../../plumbing/errors.ts';
import type { ContainerConfig, HistoryRow } from './image.ts';

export type LayoutImage = {
  /** The index digest, e.g. to key what is built on it. */
  digest: string;
  config: ContainerConfig;
  history: HistoryRow[];
  /** Bottom first, each compressed as served and uncompressed. */
  layers: { gzip: Buffer; tar: Buffer }[];
};

type Descriptor = { digest: string; platform?: { architecture: string } };

/** The linux/amd64 image of the layout in `dir`. */
export async function readLayoutImage(dir: string): Promise<LayoutImage> {
  const blob = (digest: string) =>
    readFile(join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)));
  const json = async (digest: string) => JSON.parse(String(await blob(digest)));
  let top: { manifests: Descriptor[] };
  try {
    top = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
  } catch (error) {
    throw new HermeticError('BUILD_FAILED', `no OCI layout in ${dir} to build on`, {
      hint: 'run `npm run hermetic` again: it builds the base image first.',
      cause: error,
    });
  }
  const digest = top.manifests[0]?.digest ?? '';
  const index: { manifests: Descriptor[] } = await json(digest);
  const image = index.manifests.find((entry) => entry.platform?.architecture === 'amd64');
  const manifest: { config: Descriptor; layers: Descriptor[] } = await json(image?.digest ?? '');
  const config = await json(manifest.config.digest);
  const layers = [];
  for (const layer of manifest.layers) {
    const gzip = await blob(layer.digest);
    layers.push({ gzip, tar: gunzipSync(gzip) });
  }
  return { digest, config: config.config, history: config.history, layers };
}
