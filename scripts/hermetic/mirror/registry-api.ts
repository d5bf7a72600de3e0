import { MIRROR_URL } from '../plumbing/config.ts';

const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
].join(', ');

export type ManifestSummary = { digest: string; compressedBytes: number; layers: number };

/** True when a Docker registry v2 API answers at `baseUrl` (any registry, not only ours). */
export async function isRegistryAnswering(baseUrl: string = MIRROR_URL): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/v2/`, { signal: AbortSignal.timeout(2000) });
    return response.headers.get('docker-distribution-api-version') === 'registry/2.0';
  } catch {
    return false;
  }
}

/** The digest and pushed size of `repository:tag`, or undefined when the registry lacks it. */
export async function fetchManifestSummary(
  repository: string,
  tag: string,
  baseUrl: string = MIRROR_URL,
): Promise<ManifestSummary | undefined> {
  const response = await fetch(`${baseUrl}/v2/${repository}/manifests/${tag}`, {
    headers: { accept: MANIFEST_TYPES },
  }).catch(() => undefined);
  if (!response?.ok) return undefined;
  const digest = response.headers.get('docker-content-digest');
  const manifest = (await response.json()) as {
    config?: { size: number };
    layers?: { size: number }[];
  };
  if (!digest) return undefined;
  return summarizeManifest(digest, manifest);
}

/** Pure: the bytes a pull downloads for a single-platform manifest (config plus layers). */
export function summarizeManifest(
  digest: string,
  manifest: { config?: { size: number }; layers?: { size: number }[] },
): ManifestSummary {
  const layers = manifest.layers ?? [];
  const compressedBytes = layers.reduce(
    (sum, layer) => sum + layer.size,
    manifest.config?.size ?? 0,
  );
  return { digest, compressedBytes, layers: layers.length };
}
