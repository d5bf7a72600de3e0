import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { verifyCommand } from '../../scripts/lib/cli/verify-command.ts';
import { createOutputWaiter, type OutputWaiter } from './output-waiter.ts';

export const projectRoot = resolve(import.meta.dirname, '../..');

export interface CliRun {
  exitCode: number;
  /** stdout and stderr, ANSI-stripped, with the run's folder shown as `<root>`. */
  output: string;
  root: string;
}

/** Copies fixture files into a fresh folder, so a test may rewrite them (`--update`). */
export function copyFixtures(...names: string[]): Promise<string> {
  return copyFixturesFrom('verify', ...names);
}

/** Copies files of the fixture folder `test/fixtures/<folder>` into a fresh folder. */
export async function copyFixturesFrom(folder: string, ...names: string[]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'dfv-cli-'));
  for (const name of names)
    await cp(join(projectRoot, 'test/fixtures', folder, name), join(root, name));
  return root;
}

export interface RunningCli {
  /** Sends SIGINT, as Ctrl-C in a terminal does. */
  interrupt(): void;
  /** Output so far (stdout and stderr), as `waitFor` sees it. */
  output: OutputWaiter;
  done: Promise<CliRun>;
}

/** Starts the real verifier CLI in `root` without waiting for it (killed after `timeoutMs`). */
export function startCli(
  root: string,
  args: readonly string[],
  env: Record<string, string> = {},
  timeoutMs = 600_000,
): RunningCli {
  const command = verifyCommand(projectRoot, args);
  const child = execa(process.execPath, command.args, {
    cwd: root,
    env: { ...command.env, ...env },
    reject: false,
    all: true,
    timeout: timeoutMs,
  });
  const output = createOutputWaiter();
  child.all?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return {
    interrupt: () => child.kill('SIGINT'),
    output,
    done: child.then((result) => ({
      exitCode: result.exitCode ?? -1,
      output: clean(result.all ?? '', root),
      root,
    })),
  };
}

function clean(output: string, root: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping escapes
  return output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replaceAll(root, '<root>');
}

/** Runs the real verifier CLI in `root`, the way a user does. */
export function runCli(
  root: string,
  args: readonly string[],
  env: Record<string, string> = {},
  timeoutMs?: number,
): Promise<CliRun> {
  return startCli(root, args, env, timeoutMs).done;
}
