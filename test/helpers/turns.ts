import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { acquireLock, type Lock } from '../../scripts/hermetic/plumbing/lock.ts';
import { resolveCacheFolder } from '../../scripts/lib/system/cache-folder.ts';

/**
 * Test files run side by side, but a few things exist once on the machine: a file that uses
 * one takes its turn with a lock file, so no other file changes it meanwhile.
 * - `host-daemon`: hermetic's host dockerd, which stands for one user's daemon, and the
 *   machine's network interfaces, which its containers add and remove. A file that runs pages
 *   on it, or compares what it holds before and after, holds it; so does a browser
 *   (helpers/browser.ts), whose requests fail when an interface changes.
 * - `astro`: Vite's caches in node_modules, which `astro dev` and every `astro build` of a
 *   copy of the site (node_modules linked, not copied) rewrite as they start.
 */
export type SharedThing = 'host-daemon' | 'astro';

/** The longest a file waits: every other file's turn, with room for a busy machine. */
const waitMs = 20 * 60_000;

function lockFileOf(thing: SharedThing): string {
  return join(resolveCacheFolder(), 'test-turns', `${thing}.lock`);
}

export async function takeTurn(thing: SharedThing): Promise<Lock> {
  const lockFile = lockFileOf(thing);
  await mkdir(join(lockFile, '..'), { recursive: true });
  return acquireLock(
    lockFile,
    waitMs,
    () => {},
    (holder) =>
      new Error(
        `Waited ${waitMs / 60_000} minutes for the ${thing}: test process ${holder} still holds ${lockFile}.`,
      ),
  );
}

/** Holds `thing` for the whole file: from before its first test to after its last. */
export function useForFile(thing: SharedThing): void {
  let turn: Lock | undefined;
  beforeAll(async () => {
    turn = await takeTurn(thing);
  }, waitMs + 60_000);
  afterAll(async () => {
    await turn?.release();
  });
}

/**
 * The timeout of a test that takes its turn inside itself (withTurn): the wait for the turn
 * counts against it, and lasts as long as the longest file that holds the thing (host-guard's
 * every-chapter test: 327 s in a CI run on a slow 2-core machine), so the default timeout of
 * the Docker tests (300 s) is not enough even for a test that is quick once it has its turn.
 */
export const withTurnTimeout = (ownMs: number): number => waitMs + ownMs;

/** Holds `thing` while `use` runs: for a file that needs it in one test only. */
export async function withTurn<T>(thing: SharedThing, use: () => Promise<T>): Promise<T> {
  const turn = await takeTurn(thing);
  try {
    return await use();
  } finally {
    await turn.release();
  }
}
