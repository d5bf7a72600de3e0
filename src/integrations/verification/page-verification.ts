/**
 * The record of a page as the site shows it: the page as the verifier reads it now, its
 * record, and what the one proves of the other (scripts/lib/record). Read at build time by
 * the statement under each chapter's title and by the mark under each example, so both
 * say the same thing.
 */
import { readFile } from 'node:fs/promises';
import { readProjectSettings } from '../../../scripts/lib/config/read-project-settings.ts';
import {
  extractSnippets,
  listPageProblems,
} from '../../../scripts/lib/extract/extract-snippets.ts';
import { assessPage, type BlockAssessment } from '../../../scripts/lib/record/assess-page.ts';
import { readPageRecord } from '../../../scripts/lib/record/read-record.ts';
import { findRecordFile, findRecordLocation } from '../../../scripts/lib/record/record-path.ts';

export interface PageVerification {
  blocks: BlockAssessment[];
}

const cache = new Map<string, { key: string; verification: PageVerification | undefined }>();

async function readText(file: string): Promise<string> {
  return readFile(file, 'utf8').catch(() => '');
}

/**
 * The verification of a page, or `undefined` for a page the record does not cover or the
 * verifier cannot read (it reports that itself). Cached while the page and its record are
 * unchanged, so every block of a page costs one extraction.
 */
export async function loadPageVerification(
  sourceFile: string,
  root = process.cwd(),
): Promise<PageVerification | undefined> {
  const loaded = await readProjectSettings(root);
  const location = findRecordLocation(loaded, root);
  const recordFile = location && findRecordFile(sourceFile, location);
  if (!recordFile) return undefined;
  const [source, recordText] = await Promise.all([readText(sourceFile), readText(recordFile)]);
  const key = `${source}\0${recordText}`;
  const cached = cache.get(sourceFile);
  if (cached?.key === key) return cached.verification;
  const extracted = extractSnippets(source, sourceFile, { matrix: loaded.settings.matrix });
  const verification =
    listPageProblems(extracted.page).length === 0
      ? {
          blocks: assessPage(
            extracted.page,
            await readPageRecord(recordFile),
            loaded.settings.matrix,
          ),
        }
      : undefined;
  cache.set(sourceFile, { key, verification });
  return verification;
}
