import { mkdir, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { execa } from 'execa';
import { resolvePaths } from '../../scripts/hermetic/config.ts';
import { readLegsFile } from '../../scripts/hermetic/legs-file.ts';

/**
 * Docker tests run against the hermetic set-up: engines in the cache, a registry mirror that
 * serves the docs' images offline, and a dockerd for `--docker host`. Bringing it up is
 * idempotent and takes about a second once built, so `npm test` works the same on a fresh
 * machine (after a first build of about four minutes) and on a warm one.
 *
 * Interim, until the verifier reads legs.json itself (the verifier's legs work, issue 11):
 * the `28.5/overlay2` leg's bin goes first on PATH, so sandboxes start its dockerd, and
 * DOCKER_HOST points at hermetic's host daemon, whose mirror the verifier reads.
 */
export default async function setup(): Promise<void> {
  const result = await execa('npm', ['run', '--silent', 'hermetic'], { reject: false, all: true });
  if (result.exitCode !== 0) {
    throw new Error(
      `The Docker tests need the hermetic Docker, and \`npm run hermetic\` failed:\n${result.all ?? ''}`,
    );
  }
  const paths = resolvePaths();
  const legs = await readLegsFile(paths.legsFile);
  const leg = legs?.legs.find((candidate) => candidate.name === '28.5/overlay2');
  if (!legs || !leg) throw new Error(`${paths.legsFile} names no 28.5/overlay2 leg`);
  // The CLI of the leg finds its plugins (buildx, compose) through this config.
  const dockerConfig = join(paths.cacheDir, 'test-docker-config');
  await mkdir(dockerConfig, { recursive: true });
  await writeFile(
    join(dockerConfig, 'config.json'),
    `${JSON.stringify({ cliPluginsExtraDirs: [join(leg.bin, 'cli-plugins')] }, null, 2)}\n`,
  );
  process.env['PATH'] = [leg.bin, process.env['PATH'] ?? ''].join(delimiter);
  process.env['DOCKER_HOST'] = legs.hostDaemon;
  process.env['DOCKER_CONFIG'] = dockerConfig;
}
