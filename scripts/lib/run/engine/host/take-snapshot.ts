/**
 * Lists what exists on the user's daemon: containers, images with their tags, volumes and
 * networks, by ID, so cleanup can tell the page's work from the user's.
 */

import { z } from 'zod';
import { VerifyError } from '../../../core/errors.ts';
import { tailOf } from '../../../system/run-process.ts';
import { canUseApi, getJson } from '../docker-api.ts';
import { type DockerCallOptions, runDocker } from '../docker-cli.ts';
import { type DockerSnapshot, parseImageList } from './plan-cleanup.ts';

const listings = {
  containers: ['ps', '--all', '--quiet', '--no-trunc'],
  images: ['image', 'ls', '--all', '--no-trunc', '--format', '{{.ID}}\t{{.Repository}}:{{.Tag}}'],
  volumes: ['volume', 'ls', '--quiet'],
  networks: ['network', 'ls', '--quiet', '--no-trunc'],
} as const;

const ids = z.array(z.object({ Id: z.string() }));
const images = z.array(z.object({ Id: z.string(), RepoTags: z.array(z.string()).nullish() }));
const volumes = z.object({ Volumes: z.array(z.object({ Name: z.string() })).nullish() });

/** The same listings through the Engine API, when the endpoint allows it (see docker-api.ts). */
async function readSnapshotFromApi(host: string): Promise<DockerSnapshot> {
  const [containerList, imageList, volumeList, networkList] = await Promise.all([
    getJson(host, '/containers/json?all=1'),
    getJson(host, '/images/json?all=1'),
    getJson(host, '/volumes'),
    getJson(host, '/networks'),
  ]);
  return {
    containers: ids.parse(containerList).map((container) => container.Id),
    images: images.parse(imageList).map((image) => ({
      id: image.Id,
      tags: (image.RepoTags ?? []).filter((tag) => !tag.includes('<none>')),
    })),
    volumes: (volumes.parse(volumeList).Volumes ?? []).map((volume) => volume.Name),
    networks: ids.parse(networkList).map((network) => network.Id),
  };
}

/** Throws DOCKER_UNREACHABLE when a listing fails: cleaning up blind could remove the user's work. */
export async function takeSnapshot(options: DockerCallOptions): Promise<DockerSnapshot> {
  const host = options.env?.DOCKER_HOST;
  if (host && canUseApi(host, options.env ?? {})) {
    try {
      return await readSnapshotFromApi(host);
    } catch (error) {
      throw new VerifyError(
        'DOCKER_UNREACHABLE',
        `Could not list what exists on ${host}: ${String(error)}`,
        {
          hint: 'Check that the Docker daemon is running and answers `docker ps`.',
        },
      );
    }
  }
  return takeSnapshotWithCli(options);
}

async function takeSnapshotWithCli(options: DockerCallOptions): Promise<DockerSnapshot> {
  const [containers, images, volumes, networks] = await Promise.all(
    Object.entries(listings).map(async ([what, args]) => {
      const call = await runDocker(args, { timeoutMs: 60_000, ...options });
      if (call.failed) {
        throw new VerifyError(
          'DOCKER_UNREACHABLE',
          `Could not list ${what}: ${tailOf(call.stderr, 1)}`,
          {
            hint: 'Check that the Docker daemon is running and answers `docker ps`.',
          },
        );
      }
      return call.stdout;
    }),
  );
  return {
    containers: splitLines(containers),
    images: parseImageList(images ?? ''),
    volumes: splitLines(volumes),
    networks: splitLines(networks),
  };
}

function splitLines(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
