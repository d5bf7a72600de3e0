import { constants } from 'node:os';
import { execa } from 'execa';
import {
  type CommandOutcome,
  type CommandRequest,
  killProcessGroup,
  trackProcessGroup,
} from './command.ts';

/** Runs a command without a terminal: stdin is the given text or nothing at all. */
export async function runCommand(request: CommandRequest): Promise<CommandOutcome> {
  const [file, ...args] = request.argv;
  if (!file) return { kind: 'not-started', message: 'empty command line' };
  const started = performance.now();
  const child = execa(file, args, {
    cwd: request.cwd,
    env: request.env,
    extendEnv: false,
    detached: true,
    reject: false,
    stripFinalNewline: false,
    all: true,
    ...(request.stdin === undefined ? { stdin: 'ignore' as const } : { input: request.stdin }),
  });
  const untrack = trackProcessGroup(child.pid);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killProcessGroup(child.pid);
  }, request.timeoutMs);
  const result = await child;
  clearTimeout(timer);
  untrack();
  const durationMs = performance.now() - started;
  const output = result.all ?? '';
  if (timedOut) return { kind: 'timed-out', output, durationMs };
  if (result.exitCode !== undefined)
    return { kind: 'exited', exitCode: result.exitCode, output, durationMs };
  if (result.signal) {
    // As a shell reports a command killed by a signal.
    return {
      kind: 'exited',
      exitCode: 128 + (constants.signals[result.signal] ?? 0),
      output,
      durationMs,
    };
  }
  return { kind: 'not-started', message: result.shortMessage ?? `cannot run ${file}` };
}
