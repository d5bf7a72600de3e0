/**
 * Lists what exists on the user's daemon: containers, images with their tags, volumes and
 * networks, by ID, so cleanup can tell the page's work from the user's.
 */
import { VerifyError } from '../../errors.ts';
import { type DockerCallOptions, runDocker, tailOf } from '../docker-cli.ts';
import { type DockerSnapshot, parseImageList } from './plan-cleanup.ts';

const listings = {
  containers: ['ps', '--all', '--quiet', '--no-trunc'],
  images: ['image', 'ls', '--all', '--no-trunc', '--format', '{{.ID}}\t{{.Repository}}:{{.Tag}}'],
  volumes: ['volume', 'ls', '--quiet'],
  networks: ['network', 'ls', '--quiet', '--no-trunc'],
} as const;

/** Throws DOCKER_UNREACHABLE when a listing fails: cleaning up blind could remove the user's work. */
export async function takeSnapshot(options: DockerCallOptions): Promise<DockerSnapshot> {
  const [containers, images, volumes, networks] = await Promise.all(
    Object.entries(listings).map(async ([what, args]) => {
      const call = await runDocker(args, { timeoutMs: 60_000, ...options });
      if (!call.ok) {
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
