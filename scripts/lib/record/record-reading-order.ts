/**
 * `--journey --record`: what a journey proved of a page goes into its record's
 * `readingOrder`, by leg; its blocks keep what runs of the page alone proved. Pure.
 */
import { createHash } from 'node:crypto';
import type { PageResult, Status } from '../judge/results.ts';
import type { PageRecord, ReadingOrderEntry, RecordedResult } from './record-schema.ts';

/** A page of the journey, as the hash reads it: its name and its blocks' hashes. */
export interface JourneyPage {
  name: string;
  blockHashes: readonly string[];
}

/**
 * Each page's journey hash, by name: of its blocks and of every page's before it, so a
 * change to an earlier page makes a later page's proof in reading order a proof of other text.
 */
export function hashJourney(pages: readonly JourneyPage[]): Map<string, string> {
  const hash = createHash('sha256');
  const hashes = new Map<string, string>();
  for (const page of pages) {
    hash.update(`${page.name}\n${page.blockHashes.join(',')}\n`);
    hashes.set(page.name, hash.copy().digest('hex').slice(0, 16));
  }
  return hashes;
}

const worstFirst: readonly Status[] = ['timeout', 'failed', 'drift'];

/**
 * A page's result on one leg of a journey: its worst verdict, pass when every block that
 * ran passed; undefined when an environment error proves nothing, or nothing ran.
 */
export function summarizeJourneyPage(result: PageResult): RecordedResult | undefined {
  const statuses = result.results.map((snippet) => snippet.status);
  if (statuses.includes('error')) return undefined;
  const worst = worstFirst.find((status) => statuses.includes(status));
  if (worst) return worst as RecordedResult;
  return statuses.includes('pass') ? 'pass' : undefined;
}

/** The record with the journey's results of the page: by leg, the date kept while nothing changed. */
export function updateReadingOrder(
  record: PageRecord,
  results: readonly PageResult[],
  hash: string,
  today: string,
): PageRecord {
  const entries: Record<string, ReadingOrderEntry> = { ...record.readingOrder };
  for (const result of results) {
    const summary = summarizeJourneyPage(result);
    if (!summary) continue;
    const previous = entries[result.leg];
    const isSame = previous?.result === summary && previous.hash === hash;
    entries[result.leg] = { result: summary, date: isSame ? previous.date : today, hash };
  }
  return { ...record, readingOrder: entries };
}
