import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { copySources, type PrepareInput } from './context.ts';

/** Debian's build of distribution/registry 2.8, from the docker-registry package. */
export const REGISTRY_BINARY = '/usr/bin/docker-registry';

/** Puts Debian's registry binary beside the official image's entrypoint and config. */
export async function prepareRegistry(input: PrepareInput): Promise<void> {
  await copySources(input, ['Dockerfile', 'entrypoint.sh', 'config.yml']);
  await copyFile(REGISTRY_BINARY, join(input.contextDir, 'registry'));
}
