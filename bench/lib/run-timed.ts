import { execa } from 'execa';

export interface TimedRun {
  /** Wall-clock milliseconds from spawn to exit, as a user waits for it. */
  ms: number;
  exitCode: number;
  /** Killed after `timeoutMs`: it hung, and its time means nothing. */
  timedOut: boolean;
  /** stdout and stderr, interleaved. */
  output: string;
}

export interface TimedOptions {
  cwd: string;
  env?: Record<string, string>;
  /** Past this the program is killed (default: 30 minutes). */
  timeoutMs?: number;
}

/** Runs a program to its end and times it; a failure is an exit code, never a throw. */
export async function runTimed(
  file: string,
  args: readonly string[],
  options: TimedOptions,
): Promise<TimedRun> {
  const started = performance.now();
  const result = await execa(file, args, {
    cwd: options.cwd,
    env: options.env ?? {},
    stdin: 'ignore',
    all: true,
    reject: false,
    timeout: options.timeoutMs ?? 1_800_000,
  });
  return {
    ms: performance.now() - started,
    exitCode: result.exitCode ?? -1,
    timedOut: result.timedOut,
    output: result.all ?? '',
  };
}

/** The last lines of a run's output, for a note that says why it failed. */
export function tailOfOutput(output: string, lines = 5): string {
  return output.trimEnd().split('\n').slice(-lines).join('\n');
}
