import { countFailed, type StatusCounts } from '../judge/results.ts';

/**
 * The closing line every terminal-facing reporter shares: `3 passed, 1 failed, 2 skipped`,
 * then `, 1 errors` when the environment got in the way and `, 2 not verified` when blocks
 * held on no leg of the run. The wording never changes with the numbers, so scripts can
 * match it.
 */
export function formatCounts(counts: StatusCounts, unverified = 0): string {
  const errors = counts.error > 0 ? `, ${counts.error} errors` : '';
  const notVerified = unverified > 0 ? `, ${unverified} not verified` : '';
  return `${counts.pass} passed, ${countFailed(counts)} failed, ${counts.skipped} skipped${errors}${notVerified}`;
}
