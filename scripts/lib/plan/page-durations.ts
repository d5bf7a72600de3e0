import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { PageResult } from '../judge/results.ts';
import { resolveCacheFolder } from '../system/cache-folder.ts';
import { replaceFile } from '../system/replace-file.ts';

/**
 * How long each page took last time, so parallel runs start the longest pages first and the
 * slowest page never starts last (as vitest orders test files). A missing or unreadable file
 * only means no history: pages then go by their number of commands.
 */
const durationsFile = join(resolveCacheFolder(), 'verify-durations.json');

const durationsSchema = z.record(z.string(), z.number().nonnegative());
export type PageDurations = z.infer<typeof durationsSchema>;

export async function readPageDurations(file = durationsFile): Promise<PageDurations> {
  try {
    return durationsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return {};
  }
}

/** Records this run's durations next to the others; never fails the run. */
export async function writePageDurations(
  results: readonly PageResult[],
  previous: PageDurations,
  file = durationsFile,
): Promise<void> {
  const durations = { ...previous };
  for (const result of results) durations[resolve(result.file)] = Math.round(result.durationMs);
  try {
    await replaceFile(file, JSON.stringify(durations));
  } catch {
    // A read-only cache folder costs only the ordering of the next run.
  }
}

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
