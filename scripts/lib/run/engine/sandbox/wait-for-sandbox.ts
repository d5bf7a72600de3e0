/**
 * Waits until a starting sandbox can take commands: init.sh wrote its holder line, the relays
 * listen, and its dockerd answers. Fails fast, with dockerd's own words, when the daemon or
 * the sandbox process ends first.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tailOf } from '../../../system/run-process.ts';
import { waitUntil } from '../../../system/wait-until.ts';
import { isDockerAnswering } from '../docker-cli.ts';
import { daemonVariables } from './daemon-config.ts';
import { summarizeDaemonLog } from './daemon-log.ts';

export interface Holder {
  pid: number;
  dockerdPid: number;
  /** The daemon's data root: /var/lib/docker, or the scratch folder's where it could not be. */
  dataRoot: string | undefined;
}

export type SandboxStart =
  | { status: 'ready'; holder: Holder }
  | { status: 'failed'; reason: string; dockerdLog: string };

export interface WaitOptions {
  scratch: string;
  timeoutMs: number;
  /** Whether the sandbox process (sandbox.sh) has exited, and its error output so far. */
  hasExited: () => boolean;
  stderr: () => string;
  wrap: (pid: number) => (argv: readonly string[]) => string[];
  /** For the `docker` that asks the daemon: the leg's client first on PATH. */
  env: Readonly<Record<string, string>>;
}

export async function waitForSandbox(options: WaitOptions): Promise<SandboxStart> {
  const { scratch, timeoutMs } = options;
  const fail = (reason: string): SandboxStart => ({
    status: 'failed',
    reason,
    dockerdLog: summarizeDaemonLog(readOrEmpty(join(scratch, 'dockerd.log'))),
  });
  let holder: Holder | undefined;
  const check = async (): Promise<SandboxStart | undefined> => {
    if (options.hasExited()) {
      return fail(
        `the sandbox ended while starting: ${tailOf(options.stderr(), 5) || 'no output'}`,
      );
    }
    holder ??= readHolder(scratch);
    if (holder && !isProcessAlive(holder.dockerdPid)) return fail('dockerd exited while starting');
    if (holder && isRelayReady(scratch) && hasDaemonSocket(holder.pid)) {
      const docker = {
        wrap: options.wrap(holder.pid),
        env: options.env,
        unsetEnv: daemonVariables,
      };
      if (await isDockerAnswering(docker, 2_000)) {
        return { status: 'ready', holder };
      }
    }
    return undefined;
  };
  const outcome = await waitUntil(check, { timeoutMs, intervalMs: 25 });
  if (outcome) return outcome;
  const what = holder ? 'its dockerd did not answer' : 'it did not start';
  return fail(`${what} within ${Math.round(timeoutMs / 1000)} s`);
}

function readHolder(scratch: string): Holder | undefined {
  const [pidText, dockerdText, , , dataRoot] = readOrEmpty(join(scratch, 'holder'))
    .trim()
    .split(' ');
  const pid = Number(pidText);
  const dockerdPid = Number(dockerdText);
  return pid && dockerdPid ? { pid, dockerdPid, dataRoot } : undefined;
}

function isRelayReady(scratch: string): boolean {
  return existsSync(join(scratch, 'relay', 'ready'));
}

/** The sandbox daemon's socket is in its private /run, seen from here through the holder's root. */
export function sandboxSocketPath(holderPid: number): string {
  return `/proc/${holderPid}/root/run/docker.sock`;
}

function hasDaemonSocket(holderPid: number): boolean {
  return existsSync(sandboxSocketPath(holderPid));
}

/** Alive and not a zombie (one not yet reaped by its parent still answers `kill -0`). */
export function isProcessAlive(pid: number): boolean {
  const stat = readOrEmpty(`/proc/${pid}/stat`);
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return stat !== '' && state !== 'Z';
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
