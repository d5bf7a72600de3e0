import type { StatusCounts } from '../judge/results.ts';

/** Drift, a wrong exit code and a timeout are all the documentation failing its reader. */
export function countFailed(counts: StatusCounts): number {
  return counts.drift + counts.failed + counts.timeout;
}

/**
 * The closing line every terminal-facing reporter shares: `3 passed, 1 failed, 2 skipped`,
 * then `, 1 errors` when the environment got in the way. The wording never changes with the
 * numbers, so scripts can match it.
 */
export function formatCounts(counts: StatusCounts): string {
  const errors = counts.error > 0 ? `, ${counts.error} errors` : '';
  return `${counts.pass} passed, ${countFailed(counts)} failed, ${counts.skipped} skipped${errors}`;
}

/** `850ms`, `12.3s`, `2m 05s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
}
