import type { MatrixLeg } from '../core/legs.ts';
import type { Page } from '../extract/snippet.ts';
import { assessPage } from '../record/assess-page.ts';
import { readPageRecord } from '../record/read-record.ts';
import { findRecordFile, type RecordLocation } from '../record/record-path.ts';

/**
 * Fence lines of the page's blocks the verification record does not hold as they are now
 * (edited since it was written, or new); none for a page the record does not cover.
 */
export async function findStaleBlocks(
  page: Page,
  location: RecordLocation | undefined,
  matrix: readonly MatrixLeg[],
): Promise<number[]> {
  const recordFile = location && findRecordFile(page.file, location);
  if (!recordFile || page.snippets.length === 0) return [];
  const record = await readPageRecord(recordFile).catch(() => undefined);
  if (!record) return [];
  return assessPage(page, record, matrix)
    .filter((block) => block.state === 'unrecorded')
    .map((block) => block.snippet.line);
}
