import { execa } from 'execa';

/**
 * Docker tests run against the hermetic set-up: engines in the cache, a registry mirror that
 * serves the docs' images offline, and a dockerd for `--docker host`, all described by its
 * legs.json, which the verifier reads itself (test/helpers/legs.ts for the tests). Bringing
 * it up is idempotent and takes about a second once built, so `npm test` works the same on
 * a fresh machine (after a first build of a few minutes) and on a warm one.
 */
export default async function setup(): Promise<void> {
  const result = await execa('npm', ['run', '--silent', 'hermetic'], { reject: false, all: true });
  if (result.exitCode !== 0) {
    throw new Error(
      `The Docker tests need the hermetic Docker, and \`npm run hermetic\` failed:\n${result.all ?? ''}`,
    );
  }
}
