import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** Gives up once this many milliseconds have passed since the first check. */
  timeoutMs: number;
  /** The pause between two checks. */
  intervalMs: number;
  /** Gives up early, e.g. when the process being waited for has exited. */
  hasGivenUp?: () => boolean;
}

/**
 * The one polling loop of the checker and hermetic: calls `check` until it returns a value
 * (anything but undefined), at least once, pausing `intervalMs` between calls; undefined
 * when the deadline passed or `hasGivenUp` said so first. A check that can tell success
 * from a failure that waiting will not mend returns either as a value.
 */
export async function waitUntil<T>(
  check: () => Promise<T | undefined> | T | undefined,
  { timeoutMs, intervalMs, hasGivenUp = () => false }: WaitOptions,
): Promise<T | undefined> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (performance.now() >= deadline || hasGivenUp()) return undefined;
    await sleep(intervalMs);
  }
}
