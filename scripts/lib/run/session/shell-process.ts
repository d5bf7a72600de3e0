import { randomBytes } from 'node:crypto';
import { constants } from 'node:os';
import { execa } from 'execa';
import { quoteShellWord as quote } from '../../core/shell-word.ts';
import {
  exitedProcess,
  type ProcessResult,
  timedOutProcess,
  unstartedProcess,
} from '../../system/run-process.ts';
import { killProcessGroup, trackProcessGroup } from './command.ts';

/**
 * A page's shell: one bash that lives as long as the page and runs its commands one after
 * another, like the terminal a reader types into. Variables, functions, the working directory
 * and shell options simply stay, and a command costs no process of its own, only what it
 * runs itself (a `docker` client, say).
 *
 * Bash reads its script from a pipe: for each command we send one line that sources the
 * command's file with stdin redirected (so a command can never read the next one), then
 * prints a marker with the exit status. Everything the command wrote before the marker is
 * its output; stdout and stderr share one pipe, in the order they were written.
 */
export interface ShellProcess {
  /** Runs the command in `commandFile`; stdin is `stdinFile`, or nothing. */
  run(
    commandFile: string,
    stdinFile: string | undefined,
    timeoutMs: number,
  ): Promise<ProcessResult>;
  /** Whether the shell still runs (a command may have called `exit`, or timed out). */
  isAlive(): boolean;
  close(): void;
}

export interface ShellOptions {
  argv: string[];
  cwd: string;
  env: Record<string, string>;
}

export function startShell(options: ShellOptions): ShellProcess {
  const [file, ...args] = options.argv;
  const nonce = randomBytes(8).toString('hex');
  const marker = Buffer.from(`\u001eDFV${nonce}:`);
  // Streams, not buffers: output is read command by command, as the markers arrive.
  const child = execa(file ?? 'bash', args, {
    cwd: options.cwd,
    env: options.env,
    extendEnv: false,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    buffer: false,
    reject: false,
  });
  const untrack = trackProcessGroup(child.pid);
  let buffered = Buffer.alloc(0);
  // No marker starts before this offset: a long output is searched once, not once per chunk.
  let searchFrom = 0;
  let exitCode: number | undefined;
  let onChange: (() => void) | undefined;
  const notify = () => onChange?.();
  const append = (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    notify();
  };
  /** Everything buffered, for a command that will print no marker. */
  const drain = (): string => {
    const output = buffered.toString('utf8');
    buffered = Buffer.alloc(0);
    searchFrom = 0;
    return output;
  };
  child.stdout?.on('data', append);
  // Only bash's own complaints before `exec 2>&1` can land here.
  child.stderr?.on('data', append);
  child.stdin?.on('error', () => {});
  // The shell ends when a command ends it (`exit`), at a timeout, or at close().
  void child.then((result) => {
    exitCode =
      result.exitCode ?? 128 + (result.signal ? (constants.signals[result.signal] ?? 0) : 0);
    untrack();
    notify();
  });
  child.stdin?.write('exec 2>&1\n__dfv_return() { return "$1"; }\n');

  /** The output and status of the finished command, once its marker arrived. */
  const takeResult = (): { output: string; status: number } | undefined => {
    const at = buffered.indexOf(marker, searchFrom);
    if (at === -1) {
      searchFrom = Math.max(0, buffered.length - marker.length + 1);
      return undefined;
    }
    searchFrom = at;
    const end = buffered.indexOf(10, at + marker.length);
    if (end === -1) return undefined;
    const status = Number(buffered.subarray(at + marker.length, end).toString());
    const output = buffered.subarray(0, at).toString('utf8');
    buffered = buffered.subarray(end + 1);
    searchFrom = 0;
    return { output, status };
  };

  return {
    run(commandFile, stdinFile, timeoutMs) {
      const started = performance.now();
      const command = `source ${commandFile}`;
      if (exitCode !== undefined)
        return Promise.resolve(unstartedProcess(command, 'the page shell has exited'));
      const input = stdinFile ? quote(stdinFile) : '/dev/null';
      // `__dfv_return` puts the status back into `$?` for the next command, as in a terminal.
      child.stdin?.write(
        `source ${quote(commandFile)} < ${input}; __dfv_status=$?; printf '\\036DFV%s:%d\\n' ${nonce} "$__dfv_status"; __dfv_return "$__dfv_status"\n`,
      );
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          onChange = undefined;
          killProcessGroup(child.pid);
          resolve(timedOutProcess(command, drain(), performance.now() - started));
        }, timeoutMs);
        onChange = () => {
          const result = takeResult();
          if (result) {
            clearTimeout(timer);
            onChange = undefined;
            resolve(
              exitedProcess(command, result.status, result.output, performance.now() - started),
            );
          } else if (exitCode !== undefined) {
            // The command ended the shell itself (`exit 3`, `set -e` and a failure).
            clearTimeout(timer);
            onChange = undefined;
            const output = drain();
            resolve(exitedProcess(command, exitCode, output, performance.now() - started));
          }
        };
        notify();
      });
    },
    isAlive: () => exitCode === undefined,
    close() {
      child.stdin?.end();
      killProcessGroup(child.pid);
    },
  };
}
