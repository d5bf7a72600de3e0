// A small client of the registry HTTP API V2, enough to push an image: blobs by monolithic
// upload (skipped when the registry has them), then manifests children first, then tags.
import { HermeticError } from '../../plumbing/errors.ts';
import { type BuiltImage, MEDIA_TYPES } from './image.ts';

/** Pushes every blob and manifest of `image` to `repository` and points each tag at its index. */
export async function pushImage(
  baseUrl: string,
  repository: string,
  image: BuiltImage,
  tags: readonly string[],
): Promise<void> {
  const manifests = new Set([image.index.digest, image.manifest.digest, image.attestation.digest]);
  for (const [digest, bytes] of image.blobs) {
    if (!manifests.has(digest)) await pushBlob(baseUrl, repository, digest, bytes);
  }
  for (const descriptor of [image.manifest, image.attestation]) {
    const bytes = image.blobs.get(descriptor.digest) as Buffer;
    await putManifest(baseUrl, repository, descriptor.digest, MEDIA_TYPES.manifest, bytes);
  }
  const index = image.blobs.get(image.index.digest) as Buffer;
  for (const tag of tags) await putManifest(baseUrl, repository, tag, MEDIA_TYPES.index, index);
}

async function pushBlob(
  baseUrl: string,
  repository: string,
  digest: string,
  bytes: Buffer,
): Promise<void> {
  const head = await request(`${baseUrl}/v2/${repository}/blobs/${digest}`, { method: 'HEAD' });
  if (head.ok) return;
  const start = await request(`${baseUrl}/v2/${repository}/blobs/uploads/`, { method: 'POST' });
  const location = start.headers.get('location');
  if (start.status !== 202 || !location) throw rejected(`upload of ${digest}`, start);
  const url = new URL(location, baseUrl);
  url.searchParams.set('digest', digest);
  const put = await request(url.href, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  if (put.status !== 201) throw rejected(`upload of ${digest}`, put);
}

async function putManifest(
  baseUrl: string,
  repository: string,
  reference: string,
  mediaType: string,
  bytes: Buffer,
): Promise<void> {
  const put = await request(`${baseUrl}/v2/${repository}/manifests/${reference}`, {
    method: 'PUT',
    headers: { 'content-type': mediaType },
    body: new Uint8Array(bytes),
  });
  if (put.status !== 201) throw rejected(`manifest ${repository}:${reference}`, put);
}

async function request(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (cause) {
    throw new HermeticError('REGISTRY_FAILED', `${init.method ?? 'GET'} ${url} failed`, {
      hint: 'check that the mirror runs (`npm run hermetic`) and read its log.',
      cause,
    });
  }
}

function rejected(what: string, response: Response): HermeticError {
  return new HermeticError(
    'REGISTRY_FAILED',
    `the mirror refused the ${what} (HTTP ${response.status})`,
    {
      hint: 'read the registry log in the hermetic cache folder.',
    },
  );
}
