import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { digestOf } from '../../../../../scripts/hermetic/mirror/oci/digest.ts';
import { buildImage, MEDIA_TYPES } from '../../../../../scripts/hermetic/mirror/oci/image.ts';
import { renderLayoutIndex } from '../../../../../scripts/hermetic/mirror/oci/layout.ts';

const layer = Buffer.from('a layer tar');
const image = buildImage({
  created: '2026-05-13T02:21:49Z',
  config: { Cmd: ['sh'], Env: ['PATH=/bin'] },
  history: [{ created: '2026-05-13T02:21:49Z', created_by: 'BusyBox 1.38.0 (glibc), Debian 13' }],
  layers: [layer],
  annotations: { 'org.opencontainers.image.version': '1.38.0-glibc' },
  subjectName: 'pkg:docker/busybox@latest?platform=linux%2Famd64',
});
const read = (digest: string) => JSON.parse(String(image.blobs.get(digest)));

describe('digestOf', () => {
  it('is sha256 in OCI notation', () => {
    expect(digestOf('')).toBe(
      'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});

describe('buildImage', () => {
  it('serves an OCI index: the amd64 manifest, then its attestation (unknown/unknown)', () => {
    const index = read(image.index.digest);
    expect(index.mediaType).toBe(MEDIA_TYPES.index);
    expect(index.manifests.map((m: { platform: unknown }) => m.platform)).toEqual([
      { architecture: 'amd64', os: 'linux' },
      { architecture: 'unknown', os: 'unknown' },
    ]);
    expect(index.manifests[1].annotations).toEqual({
      'vnd.docker.reference.digest': image.manifest.digest,
      'vnd.docker.reference.type': 'attestation-manifest',
    });
  });

  it('names the config, the gzipped layer and the diff_id of the uncompressed layer', () => {
    const manifest = read(image.manifest.digest);
    expect(manifest.layers).toHaveLength(1);
    expect(manifest.layers[0].mediaType).toBe(MEDIA_TYPES.layer);
    expect(gunzipSync(image.blobs.get(manifest.layers[0].digest) as Buffer)).toEqual(layer);
    const config = read(manifest.config.digest);
    expect(config.rootfs.diff_ids).toEqual([digestOf(layer)]);
    expect(config.config).toEqual({ Cmd: ['sh'], Env: ['PATH=/bin'] });
    expect(config.history).toHaveLength(1);
    expect(manifest.annotations['org.opencontainers.image.version']).toBe('1.38.0-glibc');
  });

  it('attests with one in-toto provenance statement whose subject is the image manifest', () => {
    const attestation = read(image.attestation.digest);
    expect(attestation.layers).toHaveLength(1);
    expect(attestation.layers[0].mediaType).toBe(MEDIA_TYPES.inToto);
    const statement = read(attestation.layers[0].digest);
    expect(statement.subject[0].digest.sha256).toBe(image.manifest.digest.slice(7));
    expect(attestation.layers[0].annotations['in-toto.io/predicate-type']).toBe(
      statement.predicateType,
    );
  });

  it('holds every blob under its own digest', () => {
    for (const [digest, bytes] of image.blobs) expect(digestOf(bytes)).toBe(digest);
  });
});

describe('renderLayoutIndex', () => {
  it('names the image index as containerd and the OCI spec do', () => {
    const index = JSON.parse(renderLayoutIndex(image, 'busybox:latest'));
    expect(index.manifests[0].digest).toBe(image.index.digest);
    expect(index.manifests[0].annotations).toEqual({
      'io.containerd.image.name': 'docker.io/library/busybox:latest',
      'org.opencontainers.image.ref.name': 'latest',
    });
  });
});
