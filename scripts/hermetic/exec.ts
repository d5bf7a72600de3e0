import { execa } from 'execa';

export type CommandResult = {
  command: string;
  exitCode: number | undefined;
  failed: boolean;
  stdout: string;
  stderr: string;
};

/** Runs a command to completion; its failure is data, never an exception. */
export async function runCommand(
  file: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {},
): Promise<CommandResult> {
  const result = await execa(file, args, {
    reject: false,
    stdin: options.input === undefined ? 'ignore' : 'pipe',
    ...(options.input === undefined ? {} : { input: options.input }),
    ...(options.env ? { env: options.env } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  return {
    command: [file, ...args].join(' '),
    exitCode: result.exitCode,
    failed: result.failed,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
  };
}

/** The last lines of a command's output, enough to see why it failed. */
export function tailOutput(result: CommandResult, lines = 15): string {
  const all = `${result.stdout}\n${result.stderr}`.trim().split('\n');
  return all.slice(-lines).join('\n');
}
