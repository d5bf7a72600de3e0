// Pure: an image as a registry serves it, the way Docker Hub serves official images today:
// an OCI index holding the linux/amd64 OCI manifest and, beside it, an attestation manifest
// (platform unknown/unknown, in-toto layers) whose annotations point at the image manifest.
import { gzipSync } from 'node:zlib';
import { digestOf } from './digest.ts';

export const MEDIA_TYPES = {
  index: 'application/vnd.oci.image.index.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  inToto: 'application/vnd.in-toto+json',
} as const;

/** The `config` object of an image config; only the keys an image sets appear. */
export type ContainerConfig = {
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Env?: string[];
  Entrypoint?: string[];
  Cmd?: string[];
  Volumes?: Record<string, Record<string, never>>;
  WorkingDir?: string;
  StopSignal?: string;
};

/**
 * A layer: an uncompressed tar (compressed here, at level 9), or one already compressed
 * (compress-layers.ts does large ones on every core; a base image's layer is kept byte for
 * byte, so that it keeps its digest as images built FROM it share it on Docker Hub).
 */
export type LayerInput = Buffer | { tar: Buffer; gzip: Buffer };

export type HistoryRow = {
  created: string;
  created_by: string;
  comment?: string;
  empty_layer?: boolean;
};

export type Descriptor = {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { architecture: string; os: string };
  annotations?: Record<string, string>;
};

export type ImageInput = {
  /** `created` of the config, an RFC 3339 time. */
  created: string;
  config: ContainerConfig;
  history: readonly HistoryRow[];
  /** Bottom first. */
  layers: readonly LayerInput[];
  /** Annotations of the image manifest, e.g. org.opencontainers.image.version. */
  annotations?: Record<string, string>;
  /** What the provenance attestation names as the image, e.g. `pkg:docker/busybox@latest`. */
  subjectName: string;
};

export type BuiltImage = {
  /** Every blob and manifest by digest, the index too. */
  blobs: Map<string, Buffer>;
  index: Descriptor;
  manifest: Descriptor;
  attestation: Descriptor;
  config: Descriptor;
  layers: Descriptor[];
};

/** Pure: the blobs, manifests and index of one linux/amd64 image with its attestation. */
export function buildImage(input: ImageInput): BuiltImage {
  const blobs = new Map<string, Buffer>();
  const add = (mediaType: string, bytes: Buffer): Descriptor => {
    const digest = digestOf(bytes);
    blobs.set(digest, bytes);
    return { mediaType, digest, size: bytes.length };
  };
  const layers = input.layers.map((layer) =>
    add(MEDIA_TYPES.layer, Buffer.isBuffer(layer) ? gzipSync(layer, { level: 9 }) : layer.gzip),
  );
  const config = add(
    MEDIA_TYPES.config,
    json({
      architecture: 'amd64',
      config: input.config,
      created: input.created,
      history: input.history,
      os: 'linux',
      rootfs: {
        type: 'layers',
        diff_ids: input.layers.map((layer) => digestOf(Buffer.isBuffer(layer) ? layer : layer.tar)),
      },
    }),
  );
  const manifest = add(
    MEDIA_TYPES.manifest,
    json({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.manifest,
      config,
      layers,
      ...(input.annotations ? { annotations: input.annotations } : {}),
    }),
  );
  const attestation = add(MEDIA_TYPES.manifest, buildAttestation(input, manifest, add));
  const index = add(
    MEDIA_TYPES.index,
    json({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.index,
      manifests: [
        { ...manifest, platform: { architecture: 'amd64', os: 'linux' } },
        {
          ...attestation,
          annotations: {
            'vnd.docker.reference.digest': manifest.digest,
            'vnd.docker.reference.type': 'attestation-manifest',
          },
          platform: { architecture: 'unknown', os: 'unknown' },
        },
      ],
    }),
  );
  return { blobs, index, manifest, attestation, config, layers };
}

/** The attestation manifest: one in-toto SLSA provenance statement about `manifest`. */
function buildAttestation(
  input: ImageInput,
  manifest: Descriptor,
  add: (mediaType: string, bytes: Buffer) => Descriptor,
): Buffer {
  const predicateType = 'https://slsa.dev/provenance/v0.2';
  const statement = json({
    _type: 'https://in-toto.io/Statement/v0.1',
    predicateType,
    subject: [{ name: input.subjectName, digest: { sha256: manifest.digest.slice(7) } }],
    predicate: {
      builder: { id: 'https://github.com/docker-fundamentals/hermetic' },
      buildType: 'https://github.com/docker-fundamentals/hermetic/oci-layout',
      metadata: { buildFinishedOn: input.created, completeness: { materials: false } },
    },
  });
  const layer = {
    ...add(MEDIA_TYPES.inToto, statement),
    annotations: { 'in-toto.io/predicate-type': predicateType },
  };
  const config = add(
    MEDIA_TYPES.config,
    json({
      architecture: 'unknown',
      os: 'unknown',
      config: {},
      rootfs: { type: 'layers', diff_ids: [layer.digest] },
    }),
  );
  return json({ schemaVersion: 2, mediaType: MEDIA_TYPES.manifest, config, layers: [layer] });
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}
