// Pulls every look-alike from the mirror through the registry API, as a daemon would, and
// compares what a reader can observe with Docker Hub's image as the specification describes
// it (scripts/hermetic/mirror/spec/docker-hub.ts). A failure names the image and the field.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { digestOf } from '../../scripts/hermetic/mirror/oci/digest.ts';
import { readLinkage } from '../../scripts/hermetic/mirror/oci/elf.ts';
import { MEDIA_TYPES } from '../../scripts/hermetic/mirror/oci/image.ts';
import { readTar, type TarMember } from '../../scripts/hermetic/mirror/oci/read-tar.ts';
import {
  DOCKER_HUB_IMAGES,
  type ImageSpec,
} from '../../scripts/hermetic/mirror/spec/docker-hub.ts';
import { MIRROR_URL } from '../../scripts/hermetic/plumbing/config.ts';
import { hostClientEnv } from '../helpers/legs.ts';
import { withTurn, withTurnTimeout } from '../helpers/turns.ts';

type Descriptor = {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { architecture: string; os: string };
  annotations?: Record<string, string>;
};
type Manifest = { mediaType: string; config: Descriptor; layers: Descriptor[] };
type Index = { mediaType: string; manifests: Descriptor[] };

const specFile = (name: string) =>
  readFileSync(new URL(`../../scripts/hermetic/mirror/spec/${name}`, import.meta.url));

async function fetchBytes(path: string, accept?: string): Promise<Buffer> {
  const response = await fetch(`${MIRROR_URL}/v2/${path}`, {
    headers: accept ? { accept } : {},
  });
  expect(response.status, `GET /v2/${path}`).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** What a pull of `repository:tag` downloads, each blob checked against its digest. */
async function pull(repository: string, tag: string) {
  const accept = [MEDIA_TYPES.index, MEDIA_TYPES.manifest].join(', ');
  const index = JSON.parse(
    String(await fetchBytes(`${repository}/manifests/${tag}`, accept)),
  ) as Index;
  const blob = async (descriptor: Descriptor, kind: 'manifests' | 'blobs') => {
    const bytes = await fetchBytes(
      `${repository}/${kind}/${descriptor.digest}`,
      descriptor.mediaType,
    );
    expect(digestOf(bytes), `${repository}:${tag} ${descriptor.digest}`).toBe(descriptor.digest);
    return bytes;
  };
  const image = index.manifests.find((m) => m.platform?.architecture === 'amd64');
  const attestation = index.manifests.find((m) => m.platform?.architecture === 'unknown');
  const manifest = image
    ? (JSON.parse(String(await blob(image, 'manifests'))) as Manifest)
    : undefined;
  const attestationManifest = attestation
    ? (JSON.parse(String(await blob(attestation, 'manifests'))) as Manifest)
    : undefined;
  const config = manifest ? JSON.parse(String(await blob(manifest.config, 'blobs'))) : undefined;
  const layers: TarMember[][] = [];
  for (const layer of manifest?.layers ?? [])
    layers.push(readTar(gunzipSync(await blob(layer, 'blobs'))));
  return { index, image, attestation, manifest, attestationManifest, config, layers };
}

/** The member a reader sees at `path`: the one in the topmost layer that has it. */
function findMember(layers: TarMember[][], path: string): TarMember | undefined {
  for (const layer of [...layers].reverse()) {
    const member = layer.find((entry) => entry.path === path);
    if (member) return member;
  }
  return undefined;
}

function expectText(
  actual: string | undefined,
  expected: string | RegExp | undefined,
  field: string,
) {
  if (expected === undefined) return;
  if (typeof expected === 'string') expect(actual, field).toBe(expected);
  else expect(actual, field).toMatch(expected);
}

describe.each(
  DOCKER_HUB_IMAGES.flatMap((spec) =>
    spec.tags.map((tag) => [`${spec.repository}:${tag}`, spec, tag] as const),
  ),
)('%s', (_name, spec: ImageSpec, tag: string) => {
  const pulled = pull(spec.repository, tag);
  const name = `${spec.repository}:${tag}`;

  it('is an OCI index of the linux/amd64 manifest and its attestation', async () => {
    const { index, image, attestation, attestationManifest } = await pulled;
    expect(index.mediaType, `${name} index mediaType`).toBe(MEDIA_TYPES.index);
    expect(index.manifests.length, `${name} index manifests`).toBe(2);
    expect(image?.mediaType, `${name} amd64 manifest mediaType`).toBe(MEDIA_TYPES.manifest);
    expect(attestation?.platform, `${name} attestation platform`).toEqual({
      architecture: 'unknown',
      os: 'unknown',
    });
    expect(attestation?.annotations, `${name} attestation annotations`).toEqual({
      'vnd.docker.reference.digest': image?.digest,
      'vnd.docker.reference.type': 'attestation-manifest',
    });
    const layers = attestationManifest?.layers ?? [];
    expect(layers.length, `${name} attestation layers`).toBe(spec.attestationLayers);
    for (const layer of layers)
      expect(layer.mediaType, `${name} attestation layer mediaType`).toBe(MEDIA_TYPES.inToto);
  });

  it('has the config, history and layers of the specification', async () => {
    const { manifest, config } = await pulled;
    expect(manifest?.layers.length, `${name} layer count`).toBe(spec.layers);
    for (const layer of manifest?.layers ?? [])
      expect(layer.mediaType, `${name} layer mediaType`).toBe(MEDIA_TYPES.layer);
    expect(config.architecture, `${name} architecture`).toBe('amd64');
    expect(config.os, `${name} os`).toBe('linux');
    expect(config.config, `${name} config`).toEqual(spec.config);
    expectText(config.created, spec.created, `${name} created`);
    expect(config.history.length, `${name} history rows`).toBe(spec.history.length);
    spec.history.forEach((row, i) => {
      const actual = config.history[i] ?? {};
      expectText(actual.created_by, row.created_by, `${name} history[${i}].created_by`);
      expectText(actual.created, row.created, `${name} history[${i}].created`);
      expectText(actual.comment, row.comment, `${name} history[${i}].comment`);
      expect(actual.empty_layer, `${name} history[${i}].empty_layer`).toBe(row.empty_layer);
    });
    const withLayer = config.history.filter((row: { empty_layer?: boolean }) => !row.empty_layer);
    expect(withLayer.length, `${name} history rows with a layer`).toBe(spec.layers);
  });

  it('holds the files of the specification', async () => {
    const { layers } = await pulled;
    for (const file of spec.files) {
      const member = findMember(layers, file.path);
      expect(member?.type, `${name} ${file.path} type`).toBe(file.type);
      if (file.mode !== undefined)
        expect(member?.mode, `${name} ${file.path} mode`).toBe(file.mode);
      if (file.uid !== undefined) expect(member?.uid, `${name} ${file.path} uid`).toBe(file.uid);
      if (file.gid !== undefined) expect(member?.gid, `${name} ${file.path} gid`).toBe(file.gid);
      if (file.target !== undefined)
        expect(member?.linkname, `${name} ${file.path} target`).toBe(file.target);
      if (file.content !== undefined)
        expect(String(member?.content), `${name} ${file.path} content`).toBe(file.content);
    }
  });

  // Only where the specification says so: tests that do not apply are not declared, so that
  // none is reported as skipped.
  const busybox = spec.busybox;
  if (busybox)
    it('has busybox linked, versioned and with the applets of the specification', async () => {
      const { layers } = await pulled;
      const binary = findMember(layers, 'bin/[')?.content ?? Buffer.alloc(0);
      expect(readLinkage(binary), `${name} /bin/busybox linkage`).toEqual(busybox.linkage);
      expect(
        binary.includes(Buffer.from(busybox.banner)),
        `${name} busybox banner ${busybox.banner}`,
      ).toBe(true);
      const expected = String(specFile(busybox.applets)).split(/\s+/).filter(Boolean).sort();
      const names = layers
        .flat()
        .filter((m) => /^bin\/[^/]+$/.test(m.path))
        .map((m) => m.path.slice(4))
        .sort();
      expect(names, `${name} names in /bin`).toEqual(expected);
    });

  const messageIn = spec.messageIn;
  if (messageIn)
    it("holds hello-world's message, byte for byte", async () => {
      const { layers } = await pulled;
      const binary = findMember(layers, messageIn)?.content ?? Buffer.alloc(0);
      const message = specFile('hello-world-message.txt');
      expect(message.length).toBe(807);
      expect(binary.includes(message), `${name} /${messageIn} message`).toBe(true);
    });

  // Once per image: its tags share one index, which the tests above compare tag by tag.
  const runs = spec.runs;
  if (runs && tag === spec.tags[0])
    it(
      'prints what a reader sees in its containers',
      () =>
        withTurn('host-daemon', async () => {
          const env = await hostClientEnv();
          const reference = `${spec.repository.replace(/^library\//, '')}:${tag}`;
          const pull = await execa('docker', ['pull', '--quiet', reference], {
            env,
            reject: false,
          });
          expect(pull.exitCode, `${name} docker pull: ${pull.stderr}`).toBe(0);
          for (const run of runs) {
            const command = `${name} docker run ${run.args.join(' ')}`;
            const result = await execa('docker', ['run', '--rm', reference, ...run.args], {
              env,
              reject: false,
              stripFinalNewline: false,
            });
            expect(result.exitCode, `${command}: exit code (stderr: ${result.stderr})`).toBe(
              run.exitCode ?? 0,
            );
            expectText(result.stdout, run.stdout, `${command}: stdout`);
            expectText(result.stderr, run.stderr ?? '', `${command}: stderr`);
          }
        }),
      withTurnTimeout(5 * 60_000),
    );
});
