import { countFailed, type StatusCounts } from '../judge/results.ts';

/**
 * The closing line every terminal-facing reporter shares: `3 passed, 1 failed, 2 skipped`,
 * then `, 4 not checked` for shell-looking fences that cannot run, `, 1 errors` when the
 * environment got in the way, `, 2 not verified` when blocks held on no leg of the run and
 * `, 1 page flaky` when a page passed only when run again (`--retries`).
 * The wording never changes with the numbers, so scripts can match it.
 */
export function formatCounts(counts: StatusCounts, unverified = 0, flaky = 0): string {
  const unchecked = counts.unchecked > 0 ? `, ${counts.unchecked} not checked` : '';
  const errors = counts.error > 0 ? `, ${counts.error} errors` : '';
  const notVerified = unverified > 0 ? `, ${unverified} not verified` : '';
  const flakyPages = flaky > 0 ? `, ${flaky} ${flaky === 1 ? 'page' : 'pages'} flaky` : '';
  return `${counts.pass} passed, ${countFailed(counts)} failed, ${counts.skipped} skipped${unchecked}${errors}${notVerified}${flakyPages}`;
}
