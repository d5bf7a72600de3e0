import { resolve } from 'node:path';

/** How long each page took last run, in milliseconds, by absolute path. */
export type PageDurations = Record<string, number>;

/**
 * The order to start pages in: longest first by last run's duration; pages without one by
 * their number of commands, after those with one. Stable for equal keys.
 */
export function orderByExpectedDuration<T extends { file: string; weight: number }>(
  pages: readonly T[],
  durations: PageDurations,
): number[] {
  const known = (page: T) => durations[resolve(page.file)];
  return pages
    .map((page, index) => ({ index, duration: known(page), weight: page.weight }))
    .sort(
      (a, b) => (b.duration ?? -1) - (a.duration ?? -1) || b.weight - a.weight || a.index - b.index,
    )
    .map((entry) => entry.index);
}
