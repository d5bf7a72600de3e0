import { readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { waitUntil } from '../../lib/system/wait-until.ts';

/**
 * A process hermetic started, identified by its pidfile and by a marker that must
 * appear in its command line: a pid alone may have been reused by another program.
 */
export type OwnedProcess = { pidfile: string; marker: string };

export type StopOutcome =
  | { status: 'stopped'; pid: number }
  | { status: 'not-running' }
  | { status: 'still-running'; pid: number };

/** Pure: the pid in a pidfile's text, or undefined when it holds none. */
export function parsePid(text: string): number | undefined {
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** The live pid of an owned process, or undefined if it is gone or the pid was reused. */
export async function findOwnedPid(owned: OwnedProcess): Promise<number | undefined> {
  const pid = parsePid(await readFile(owned.pidfile, 'utf8').catch(() => ''));
  if (pid === undefined) return undefined;
  return isAliveWithMarker(pid, owned.marker) ? pid : undefined;
}

function isAliveWithMarker(pid: number, marker: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    // A zombie has an empty cmdline: it is exiting, not ours to wait for.
    return cmdline.split('\0').join(' ').includes(marker);
  } catch {
    return false;
  }
}

/** Sends SIGTERM to an owned process and waits for it to exit; safe when nothing runs. */
export async function stopOwnedProcess(
  owned: OwnedProcess,
  timeoutMs: number,
): Promise<StopOutcome> {
  const pid = await findOwnedPid(owned);
  if (pid === undefined) {
    await rm(owned.pidfile, { force: true });
    return { status: 'not-running' };
  }
  process.kill(pid, 'SIGTERM');
  const hasStopped = () => (isAliveWithMarker(pid, owned.marker) ? undefined : true);
  if (await waitUntil(hasStopped, { timeoutMs, intervalMs: 200 })) {
    await rm(owned.pidfile, { force: true });
    return { status: 'stopped', pid };
  }
  return { status: 'still-running', pid };
}
