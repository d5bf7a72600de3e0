import { describe, expect, it } from 'vitest';
import { collectFiles } from '../../../scripts/lib/collect/collect-files.ts';
import { readProjectSettings } from '../../../scripts/lib/config/read-project-settings.ts';
import { formatDiagnostic } from '../../../scripts/lib/core/errors.ts';
import { readPages } from '../../../scripts/lib/extract/read-pages.ts';
import { checkRecords } from '../../../scripts/lib/record/check-records.ts';
import { findRecordLocation } from '../../../scripts/lib/record/record-path.ts';

/**
 * The record can never claim more than was proven: while a chapter's block is not in the
 * record as it is now, on every leg of the matrix it holds on, this fails. The fix is
 * `npm run verify -- --record <page>` (the message says so).
 */
describe('the verification record of the chapters', () => {
  it('proves every block as it is now, on every leg of the matrix it holds on', async () => {
    const found = await readProjectSettings();
    const location = findRecordLocation(found);
    if (!location) throw new Error('verify-examples.json has no `record`');
    const files = await collectFiles([`${location.pages}/**/*.{md,mdx}`]);
    expect(files.length).toBeGreaterThan(0);
    const read = await readPages(files, { matrix: found.settings.matrix });
    if (!read.ok) throw new Error(read.diagnostics.map(formatDiagnostic).join('\n'));
    const problems = await checkRecords(read.pages, location, found.settings.matrix);
    expect(problems.map(formatDiagnostic)).toEqual([]);
  });
});
