// The one way hermetic starts a background daemon (the mirror's registry, the host dockerd):
// detached, so it outlives `npm run hermetic`, with its output in a log of this start, and
// given up on, with the log's tail, if it exits or does not answer in time.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { waitUntil } from '../../lib/system/wait-until.ts';
import { HermeticError, type HermeticErrorCode } from '../plumbing/errors.ts';

export interface DaemonSpec<Ready> {
  /** How messages name it, e.g. `dockerd`. */
  name: string;
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** Emptied at each start: its tail is this start's story. */
  log: string;
  /** Written with the child's pid, for a daemon that does not write its own. */
  pidfile?: string;
  /** Asked until it returns a value: what the daemon says once it answers. */
  whenReady: () => Promise<Ready | undefined>;
  timeoutMs: number;
  failure: { code: HermeticErrorCode; hint: string };
}

/** Starts the daemon and waits until it answers; throws with its log's tail otherwise. */
export async function startDaemon<Ready>(
  spec: DaemonSpec<Ready>,
): Promise<{ pid: number; ready: Ready }> {
  const log = openSync(spec.log, 'w');
  const child = spawn(spec.command, spec.args, {
    detached: true,
    stdio: ['ignore', log, log],
    ...(spec.env ? { env: spec.env } : {}),
  });
  closeSync(log);
  child.unref();
  child.once('error', () => {});
  let hasExited = false;
  child.once('exit', () => {
    hasExited = true;
  });
  const { pid } = child;
  if (pid !== undefined && spec.pidfile) await writeFile(spec.pidfile, `${pid}\n`);
  const ready =
    pid === undefined
      ? undefined
      : await waitUntil(spec.whenReady, {
          timeoutMs: spec.timeoutMs,
          intervalMs: 250,
          hasGivenUp: () => hasExited,
        });
  if (pid !== undefined && ready !== undefined) return { pid, ready };
  if (pid !== undefined && !hasExited) child.kill('SIGTERM');
  if (spec.pidfile) await rm(spec.pidfile, { force: true });
  const tail = (await readFile(spec.log, 'utf8').catch(() => '')).trim().split('\n');
  throw new HermeticError(
    spec.failure.code,
    `${spec.name} did not start:\n${tail.slice(-10).join('\n')}`,
    { hint: spec.failure.hint },
  );
}
