/**
 * `--record`: after a run, each page it verified gets its record rewritten from what the run
 * proved (update-record.ts), atomically, and only when the bytes change.
 */
import { relative } from 'node:path';
import { VerifyError } from '../core/errors.ts';
import { formatFlag } from '../core/flags.ts';
import type { SourcePage } from '../extract/read-pages.ts';
import type { PageResult } from '../judge/results.ts';
import { replaceFile } from '../system/replace-file.ts';
import { readPageRecord } from './read-record.ts';
import { findRecordFile, namePage, type RecordLocation } from './record-path.ts';
import { updateReadingOrder } from './record-reading-order.ts';
import { serializeRecord } from './record-schema.ts';
import { type RecordedLeg, updatePageRecord } from './update-record.ts';

/** What `--record` did with one page. */
export type RecordWrite =
  /** `file`: the record, relative to the project root. */
  | { status: 'written' | 'unchanged'; page: string; file: string }
  /** A page outside the record's pages folder. */
  | { status: 'outside'; page: string };

/** `YYYY-MM-DD` of a moment, in UTC. */
export function dayOf(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

export interface WriteRecordsOptions {
  location: RecordLocation | undefined;
  pages: readonly SourcePage[];
  results: readonly PageResult[];
  legs: readonly RecordedLeg[];
  today: string;
  /**
   * A journey's record: each page's journey hash by file (record-reading-order.ts). Its
   * results then go into `readingOrder`, and the blocks keep what pages alone proved.
   */
  journeyHashes?: ReadonlyMap<string, string> | undefined;
}

export async function writeRecords(options: WriteRecordsOptions): Promise<RecordWrite[]> {
  const { location } = options;
  if (!location) {
    throw new VerifyError(
      'USAGE',
      `${formatFlag('record')} needs \`record\` in verify-examples.json`,
      {
        hint: 'Add "record": { "pages": "src/content/docs", "dir": "src/content/verification" }.',
      },
    );
  }
  const writes: RecordWrite[] = [];
  for (const { file, page } of options.pages) {
    const recordFile = findRecordFile(file, location);
    if (!recordFile) {
      writes.push({ status: 'outside', page: file });
      continue;
    }
    const previous = await readPageRecord(recordFile);
    // A page without examples has nothing to record (unless it had, and lost them).
    if (!previous && page.snippets.length === 0) continue;
    const results = options.results.filter((result) => result.file === file);
    const journeyHash = options.journeyHashes?.get(file);
    const blocks = updatePageRecord({
      page,
      pageName: namePage(file, location.root),
      previous,
      results: options.journeyHashes ? [] : results,
      legs: options.legs,
      today: options.today,
    });
    const next = journeyHash
      ? updateReadingOrder(blocks, results, journeyHash, options.today)
      : blocks;
    const text = serializeRecord(next);
    const shown = relative(location.root, recordFile);
    if (previous && serializeRecord(previous) === text) {
      writes.push({ status: 'unchanged', page: file, file: shown });
      continue;
    }
    try {
      await replaceFile(recordFile, text);
    } catch (error) {
      throw new VerifyError('WRITE_FAILED', `Cannot write the record ${recordFile}`, {
        cause: error,
      });
    }
    writes.push({ status: 'written', page: file, file: shown });
  }
  return writes;
}
