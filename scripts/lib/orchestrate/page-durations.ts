import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { PageResult } from '../judge/results.ts';
import type { PageDurations } from '../plan/order-pages.ts';
import { resolveCacheFolder } from '../system/cache-folder.ts';
import { replaceFile } from '../system/replace-file.ts';

/**
 * How long each page took last time, so parallel runs start the longest pages first and the
 * slowest page never starts last (as vitest orders test files). A missing or unreadable file
 * only means no history: pages then go by their number of commands.
 */
const durationsFile = join(resolveCacheFolder(), 'verify-durations.json');

/**
 * A record of page to non-negative milliseconds, checked by hand rather than with a zod
 * schema: the file is shared by every run on the machine and holds a thousand pages and more,
 * which zod took tens of milliseconds to check at a start. Anything else means no history.
 */
function isDurations(value: unknown): value is PageDurations {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((ms) => typeof ms === 'number' && ms >= 0);
}

export async function readPageDurations(file = durationsFile): Promise<PageDurations> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    return isDurations(value) ? value : {};
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
