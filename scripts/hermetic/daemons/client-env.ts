// Interim, until the verifier reads legs.json itself (its legs work, issue 11): a client set-up
// that points a shell at one leg and at the host daemon. `env.sh` puts the leg's bin first on
// PATH, sets DOCKER_HOST to hermetic's daemon and DOCKER_CONFIG to a folder whose cli-plugins
// is the leg's, which verifier sessions link into each page's own DOCKER_CONFIG.
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProvidedLeg } from '../../lib/core/legs.ts';
import { quoteShellWord } from '../../lib/core/shell-word.ts';
import type { HermeticPaths } from '../plumbing/config.ts';

export type ClientEnv = { PATH: string; DOCKER_HOST: string; DOCKER_CONFIG: string };

export function clientDirOf(paths: HermeticPaths): string {
  return join(paths.cacheDir, 'client');
}

/** Pure: the variables of a shell that uses `leg` and the host daemon. */
export function buildClientEnv(
  paths: HermeticPaths,
  leg: ProvidedLeg,
  hostDaemon: string,
  path: string,
): ClientEnv {
  return {
    PATH: `${leg.bin}:${path}`,
    DOCKER_HOST: hostDaemon,
    DOCKER_CONFIG: join(clientDirOf(paths), 'docker-config'),
  };
}

/** Pure: env.sh, to be sourced: `. <cache>/hermetic/client/env.sh`. */
export function renderEnvScript(
  paths: HermeticPaths,
  leg: ProvidedLeg,
  hostDaemon: string,
): string {
  const env = buildClientEnv(paths, leg, hostDaemon, '$PATH');
  return [
    `# The ${leg.name} leg's client and hermetic's host daemon (written by npm run hermetic).`,
    `export PATH=${quoteShellWord(leg.bin)}:"$PATH"`,
    `export DOCKER_HOST=${quoteShellWord(env.DOCKER_HOST)}`,
    `export DOCKER_CONFIG=${quoteShellWord(env.DOCKER_CONFIG)}`,
    '',
  ].join('\n');
}

/** Writes client/docker-config (cli-plugins linked to the leg's) and client/env.sh. */
export async function writeClientEnv(
  paths: HermeticPaths,
  leg: ProvidedLeg,
  hostDaemon: string,
): Promise<void> {
  const dir = clientDirOf(paths);
  const config = join(dir, 'docker-config');
  await rm(dir, { recursive: true, force: true });
  await mkdir(config, { recursive: true });
  await writeFile(join(config, 'config.json'), '{}\n');
  await symlink(join(leg.bin, 'cli-plugins'), join(config, 'cli-plugins'));
  await writeFile(join(dir, 'env.sh'), renderEnvScript(paths, leg, hostDaemon));
}
