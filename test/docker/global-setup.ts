import { execa } from 'execa';

/**
 * Docker tests run against the hermetic Docker: a daemon whose registry mirror serves the
 * docs' images offline. Bringing it up is idempotent and takes seconds once it was built, so
 * `npm test` works the same on a fresh machine (after a long first build) and on a warm one.
 */
export default async function setup(): Promise<void> {
  const result = await execa('npm', ['run', '--silent', 'hermetic'], { reject: false, all: true });
  if (result.exitCode !== 0) {
    throw new Error(
      `The Docker tests need the hermetic Docker, and \`npm run hermetic\` failed:\n${result.all ?? ''}`,
    );
  }
}
