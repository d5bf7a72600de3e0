import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';

export const projectRoot = resolve(import.meta.dirname, '../..');
const cliPath = join(projectRoot, 'scripts/verify-examples.ts');

export interface CliRun {
  exitCode: number;
  /** stdout and stderr, ANSI-stripped, with the run's folder shown as `<root>`. */
  output: string;
  root: string;
}

/** Copies fixture files into a fresh folder, so a test may rewrite them (`--update`). */
export async function copyFixtures(...names: string[]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'dfv-cli-'));
  for (const name of names)
    await cp(join(projectRoot, 'test/fixtures/verify', name), join(root, name));
  return root;
}

/** Runs the real verifier CLI in `root`, the way a user does. */
export async function runCli(
  root: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  const result = await execa(
    process.execPath,
    ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', cliPath, ...args],
    { cwd: root, env: { NO_COLOR: '1', ...env }, reject: false, all: true, timeout: 600_000 },
  );
  const output = (result.all ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping escapes
    .replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '')
    .replaceAll(root, '<root>');
  return { exitCode: result.exitCode ?? -1, output, root };
}
