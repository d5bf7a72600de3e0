/**
 * Waits until a starting sandbox can take commands: init.sh wrote its holder line, the relays
 * listen, its egress is up (when it has one), and its dockerd answers. Fails fast, with dockerd's own words, when the daemon or
 * the sandbox process ends first.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tailOf } from '../../../system/run-process.ts';
import { waitUntil } from '../../../system/wait-until.ts';
import { getJson } from '../docker-api.ts';
import { parseServerVersion } from '../docker-output.ts';
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
  /** Whether sandbox.sh starts an egress program (egress.sh), which must report ready. */
  hasEgress: boolean;
  stderr: () => string;
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
    const egress = options.hasEgress ? readEgressState(scratch) : 'ready';
    if (egress === 'failed') {
      const log = tailOf(readOrEmpty(join(scratch, 'egress.log')), 5);
      return fail(`its egress (slirp4netns) failed: ${log || 'no output'}`);
    }
    if (holder && egress === 'ready' && isRelayReady(scratch) && hasDaemonSocket(holder.pid)) {
      if (await isApiAnswering(sandboxSocketPath(holder.pid), 2_000)) {
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

/** egress.sh marks slirp4netns ready, or ended: then it ended without ever being ready. */
function readEgressState(scratch: string): 'ready' | 'starting' | 'failed' {
  if (readOrEmpty(join(scratch, 'egress-ready')).startsWith('1')) return 'ready';
  return existsSync(join(scratch, 'egress-ended')) ? 'failed' : 'starting';
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

/**
 * Whether the daemon behind `socket` answers GET /version with its version: over the socket
 * itself, not with `docker version` (behind nsenter in a plain sandbox), two programs started
 * for every sandbox while the page waits.
 */
async function isApiAnswering(socket: string, timeoutMs: number): Promise<boolean> {
  const answer = await getJson(`unix://${socket}`, '/version', timeoutMs).catch(() => undefined);
  return parseServerVersion(answer) !== undefined;
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
