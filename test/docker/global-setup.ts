import { execa } from 'execa';
import { buildClientEnv } from '../../scripts/hermetic/client-env.ts';
import { resolvePaths } from '../../scripts/hermetic/config.ts';
import { readLegsFile } from '../../scripts/hermetic/legs-file.ts';

/**
 * Docker tests run against the hermetic set-up: engines in the cache, a registry mirror that
 * serves the docs' images offline, and a dockerd for `--docker host`. Bringing it up is
 * idempotent and takes about a second once built, so `npm test` works the same on a fresh
 * machine (after a first build of about four minutes) and on a warm one.
 *
 * Interim, until the verifier reads legs.json itself (the verifier's legs work, issue 11):
 * the `28.5/overlay2` leg's bin goes first on PATH, so sandboxes start its dockerd;
 * DOCKER_HOST points at hermetic's host daemon, whose mirror the verifier reads; and
 * DOCKER_CONFIG's cli-plugins are that leg's, which sessions link into each page.
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
  const env = buildClientEnv(paths, leg, legs.hostDaemon, process.env['PATH'] ?? '');
  Object.assign(process.env, env);
}
