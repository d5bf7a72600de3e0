/**
 * The record against the docs as they are: every block must be in the record with its
 * current text, and proven on every leg of the matrix it holds on, or the site would claim
 * more than was proven. Run by `npm test` and by `npm run verify -- --check-record`.
 */

import { type Diagnostic, VerifyError } from '../core/errors.ts';
import { formatFlag } from '../core/flags.ts';
import type { MatrixLeg } from '../core/legs.ts';
import type { SourcePage } from '../extract/read-pages.ts';
import { assessPage, type BlockAssessment, findUnprovenBlocks } from './assess-page.ts';
import { readPageRecord } from './read-record.ts';
import { findRecordFile, type RecordLocation } from './record-path.ts';

function describeProblem(block: BlockAssessment): string {
  if (block.state === 'unrecorded')
    return 'Unexpected block the record does not have: it changed since the record was written, or it is new';
  if (block.state === 'failing')
    return `Unexpected block the record shows failing (${block.failed.map((proof) => `${proof.leg}: ${proof.result}`).join(', ')})`;
  const pending = [...new Set([...block.failed.map((proof) => proof.leg), ...block.missing])];
  return `Unexpected block the record proves on ${block.passed.map((proof) => proof.leg).join(', ')} only, expected also ${pending.join(', ')}`;
}

/** Problems, one per block, at the block's fence line. */
export async function checkRecords(
  pages: readonly SourcePage[],
  location: RecordLocation | undefined,
  matrix: readonly MatrixLeg[],
): Promise<Diagnostic[]> {
  if (!location) {
    throw new VerifyError(
      'USAGE',
      `${formatFlag('check-record')} needs \`record\` in verify-examples.json`,
    );
  }
  const problems: Diagnostic[] = [];
  for (const { file, page } of pages) {
    const recordFile = findRecordFile(file, location);
    if (!recordFile || page.snippets.length === 0) continue;
    const blocks = assessPage(page, await readPageRecord(recordFile), matrix);
    // One hint per page: the same command fixes every block of it.
    for (const [index, block] of findUnprovenBlocks(blocks).entries()) {
      problems.push({
        code: 'STALE_RECORD',
        message: describeProblem(block),
        position: { file, line: block.snippet.line },
        ...(index === 0
          ? { hint: `Run \`npm run verify -- ${formatFlag('record')} ${file}\` (every leg).` }
          : {}),
      });
    }
  }
  return problems;
}
