/**
 * What the run's registry mirror serves for the images whose Docker Hub values the project
 * publishes: per image, its index, platform manifest, configuration, layers and attestation,
 * read over the registry's HTTP API. Where the mirror serves look-alikes (hermetic's), the
 * run prints their values and the page must show Docker Hub's in their place; this is how
 * the judge knows which is which. An image the mirror does not serve is left out; a mirror
 * that cannot be reached gives nothing (the judge then checks shown values on their own).
 */
import type { PublishedImages } from '../config/published-images.ts';
import {
  createPublishedContext,
  describeImage,
  type PublishedContext,
  type ServedImage,
} from '../config/published-values.ts';

const accept = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

interface Descriptor {
  digest: string;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

interface Manifest {
  manifests?: Descriptor[];
  config?: Descriptor;
  layers?: Descriptor[];
}

const requestTimeoutMs = 5000;
const hexOf = (digest: string) => digest.replace(/^sha256:/, '');

async function getManifest(mirror: string, repository: string, reference: string) {
  const response = await fetch(`${mirror}/v2/${repository}/manifests/${reference}`, {
    headers: { accept },
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
  if (!response.ok) return undefined;
  const digest = response.headers.get('docker-content-digest') ?? undefined;
  return { digest, body: (await response.json()) as Manifest };
}

async function readImage(
  mirror: string,
  repository: string,
  tag: string,
  platform: { os: string; architecture: string },
): Promise<ServedImage['values'] | undefined> {
  const top = await getManifest(mirror, repository, tag);
  if (!top?.digest) return undefined;
  const values: ServedImage['values'] = [];
  let manifest = top.body;
  let manifestDigest = top.digest;
  if (top.body.manifests) {
    values.push({ role: 'index', hex: hexOf(top.digest) });
    const entries = top.body.manifests;
    const chosen = entries.find(
      (entry) =>
        entry.platform?.os === platform.os && entry.platform.architecture === platform.architecture,
    );
    if (!chosen) return values;
    const attestation = entries.find(
      (entry) => entry.annotations?.['vnd.docker.reference.digest'] === chosen.digest,
    );
    if (attestation) values.push({ role: 'attestation', hex: hexOf(attestation.digest) });
    const platformManifest = await getManifest(mirror, repository, chosen.digest);
    if (!platformManifest) return values;
    manifest = platformManifest.body;
    manifestDigest = chosen.digest;
  }
  values.push({ role: 'manifest', hex: hexOf(manifestDigest) });
  if (manifest.config) values.push({ role: 'config', hex: hexOf(manifest.config.digest) });
  for (const [index, layer] of (manifest.layers ?? []).entries())
    values.push({ role: 'layer', layer: index + 1, hex: hexOf(layer.digest) });
  return values;
}

/** The mirror's images for each published one, by its first tag the mirror serves. */
export async function readServedImages(
  published: PublishedImages | undefined,
  mirror: string | undefined,
): Promise<ServedImage[] | undefined> {
  if (!published || !mirror) return undefined;
  const base = mirror.replace(/\/+$/, '');
  const [os = 'linux', architecture = 'amd64'] = published.platform.split('/');
  const served = await Promise.all(
    published.images.map(async (image): Promise<ServedImage | undefined> => {
      const repository = image.name.includes('/') ? image.name : `library/${image.name}`;
      for (const tag of image.tags) {
        try {
          const values = await readImage(base, repository, tag, { os, architecture });
          if (values) return { image: describeImage(image), values };
        } catch {
          return undefined;
        }
      }
      return undefined;
    }),
  );
  const found = served.filter((image) => image !== undefined);
  return found.length > 0 ? found : undefined;
}

/** The run's settings with the published values matched to what the legs' mirror serves. */
export async function matchPublishedToMirror<Settings extends { published?: unknown }>(
  settings: Settings,
  published: PublishedImages | undefined,
  mirror: string | undefined,
): Promise<Settings & { published: PublishedContext | undefined }> {
  const served = await readServedImages(published, mirror);
  return { ...settings, published: createPublishedContext(published, served) };
}
