import { execa } from 'execa';

/**
 * How a process ended, as a value: the one process-outcome shape of the checker, hermetic and
 * the benchmarks, modelled on execa's result with `reject: false`. Callers decide what a
 * non-zero exit means. Where stdout and stderr share one pipe (a page's shell, a terminal),
 * both are in `stdout` and `all`, and `stderr` is empty.
 */
export interface ProcessResult {
  /** The command line, for messages. */
  command: string;
  /** `undefined` when the process did not exit by itself: not started, timed out or killed. */
  exitCode: number | undefined;
  /** Anything but an exit code of 0. */
  failed: boolean;
  /** Killed after its time limit. */
  timedOut: boolean;
  /** False when it could not be started at all: not installed, not executable, no shell. */
  hasStarted: boolean;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved, as a terminal shows them. */
  all: string;
  /** Wall-clock time from spawning to exit. */
  durationMs: number;
  /** What went wrong in one line (`exit code 3`, `timed out after 5 s`); empty when nothing did. */
  shortMessage: string;
}

export interface ProcessOptions {
  cwd?: string | undefined;
  /** Variables on top of the inherited ones, or instead of them with `extendEnv: false`. */
  env?: Readonly<Record<string, string | undefined>> | undefined;
  extendEnv?: boolean | undefined;
  /** Written to stdin; without it, stdin is closed. */
  input?: string | undefined;
  /** Killed past this many milliseconds; `timedOut` is then true. */
  timeoutMs?: number | undefined;
}

/** Runs a program to its end; its failure is a value, never an exception. */
export async function runProcess(
  file: string,
  args: readonly string[],
  options: ProcessOptions = {},
): Promise<ProcessResult> {
  const started = performance.now();
  const result = await execa(file, args, {
    reject: false,
    all: true,
    ...(options.input === undefined ? { stdin: 'ignore' as const } : { input: options.input }),
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.extendEnv === undefined ? {} : { extendEnv: options.extendEnv }),
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
  });
  const command = [file, ...args].join(' ');
  const durationMs = performance.now() - started;
  const text = { stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
  const all = String(result.all ?? '');
  if (result.timedOut) return { ...timedOutProcess(command, all, durationMs), ...text };
  if (result.exitCode === undefined && result.signal === undefined) {
    return {
      ...unstartedProcess(command, result.originalMessage ?? result.shortMessage ?? 'not started'),
      ...text,
    };
  }
  return { ...exitedProcess(command, result.exitCode, all, durationMs), ...text };
}

/**
 * A process that exited with `exitCode` (`undefined` when a signal ended it) and printed
 * `output` on one pipe.
 */
export function exitedProcess(
  command: string,
  exitCode: number | undefined,
  output: string,
  durationMs: number,
): ProcessResult {
  const failed = exitCode !== 0;
  return {
    command,
    exitCode,
    failed,
    timedOut: false,
    hasStarted: true,
    stdout: output,
    stderr: '',
    all: output,
    durationMs,
    shortMessage: !failed ? '' : exitCode === undefined ? 'killed' : `exit code ${exitCode}`,
  };
}

/** A process killed at its time limit, with what it printed until then. */
export function timedOutProcess(
  command: string,
  output: string,
  durationMs: number,
): ProcessResult {
  return {
    ...exitedProcess(command, undefined, output, durationMs),
    timedOut: true,
    shortMessage: `timed out after ${Math.round(durationMs / 1000)} s`,
  };
}

/** A process that could not be started; `reason` says why. */
export function unstartedProcess(command: string, reason: string): ProcessResult {
  return {
    ...exitedProcess(command, undefined, '', 0),
    hasStarted: false,
    shortMessage: reason,
  };
}

/** The last lines of a process's output, enough to see why it failed. */
export function tailOf(text: string, lines = 3): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
