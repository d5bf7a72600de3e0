import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { acquireLock, type Lock } from '../../scripts/hermetic/plumbing/lock.ts';
import { resolveCacheFolder } from '../../scripts/lib/system/cache-folder.ts';

/**
 * Test files run side by side, but hermetic's host dockerd stands for one user's daemon:
 * a file that runs pages on it, or compares what it holds before and after, takes its turn
 * with this lock so no other file's containers come and go meanwhile. Sandboxes need none.
 */
const lockFile = join(resolveCacheFolder(), 'hermetic', 'run', 'host-daemon-tests.lock');

/** The longest a file waits: every other host file's whole run, with room for a busy machine. */
const waitMs = 20 * 60_000;

export async function takeHostDaemonTurn(): Promise<Lock> {
  await mkdir(join(lockFile, '..'), { recursive: true });
  return acquireLock(
    lockFile,
    waitMs,
    () => {},
    (holder) =>
      new Error(
        `Waited ${waitMs / 60_000} minutes for the host daemon: test process ${holder} still holds ${lockFile}.`,
      ),
  );
}

/** Holds the host daemon for the whole file: from before its first test to after its last. */
export function useHostDaemonForFile(): void {
  let turn: Lock | undefined;
  beforeAll(async () => {
    turn = await takeHostDaemonTurn();
  }, waitMs + 60_000);
  afterAll(async () => {
    await turn?.release();
  });
}

/** Holds the host daemon while `use` runs: for a file that needs it in one test only. */
export async function withHostDaemon<T>(use: () => Promise<T>): Promise<T> {
  const turn = await takeHostDaemonTurn();
  try {
    return await use();
  } finally {
    await turn.release();
  }
}
