/**
 * The record of a page as the site shows it: the page as the verifier reads it now, its
 * record, and what the one proves of the other (scripts/lib/record). Read at build time by
 * the statement under each chapter's title and by the mark under each example, so both
 * say the same thing.
 */
import { readFile } from 'node:fs/promises';
import type { ProjectSettings } from '../../../scripts/lib/config/project-settings.ts';
import { readProjectSettings } from '../../../scripts/lib/config/read-project-settings.ts';
import type { NamedValue } from '../../../scripts/lib/core/named-values.ts';
import { listNamedValues } from '../../../scripts/lib/core/options.ts';
import { listPageProblems } from '../../../scripts/lib/extract/extract-snippets.ts';
import { assessPage, type BlockAssessment } from '../../../scripts/lib/record/assess-page.ts';
import {
  assessReadingOrder,
  type ReadingOrderProof,
} from '../../../scripts/lib/record/assess-reading-order.ts';
import { readPageRecord } from '../../../scripts/lib/record/read-record.ts';
import {
  findRecordFile,
  findRecordLocation,
  namePage,
  type RecordLocation,
} from '../../../scripts/lib/record/record-path.ts';
import type { PageRecord } from '../../../scripts/lib/record/record-schema.ts';
import { extractPage } from './extract-page.ts';
import { loadJourneyHashes } from './journey-hashes.ts';
import { sharedCache } from './shared-cache.ts';

/** What a page's own record proves of its blocks: all a mark under an example needs. */
export interface PageAssessment {
  blocks: BlockAssessment[];
  /** The page's named values (frontmatter `verify.values`). */
  values: NamedValue[];
}

export interface PageVerification extends PageAssessment {
  /** Where a journey proved the page, as it is now, after the pages before it. */
  readingOrder: ReadingOrderProof | undefined;
}

/** What a page and its own record prove, cached while both are unchanged. */
interface Assessed {
  verification: PageAssessment;
  record: PageRecord | undefined;
}

/** One cache for the marks plugin and the statement component (see shared-cache.ts). */
const cache = sharedCache<{ key: string; assessed: Promise<Assessed | undefined> }>(
  'page-verification',
);

async function readText(file: string): Promise<string> {
  return readFile(file, 'utf8').catch(() => '');
}

async function assessFile(
  sourceFile: string,
  source: string,
  recordFile: string,
  matrix: ProjectSettings['matrix'],
): Promise<Assessed | undefined> {
  const page = extractPage(sourceFile, source, matrix);
  if (listPageProblems(page).length > 0) return undefined;
  const record = await readPageRecord(recordFile);
  const verification = {
    blocks: assessPage(page, record, matrix),
    values: listNamedValues(page.options),
  };
  return { verification, record };
}

/**
 * What a journey proved of the page, as it and every page before it are now: read on every
 * call, since a change to an earlier page (not this page's cache key) ends the proof.
 */
async function assessInOrder(
  sourceFile: string,
  record: PageRecord | undefined,
  location: RecordLocation,
  matrix: ProjectSettings['matrix'],
): Promise<ReadingOrderProof | undefined> {
  if (!record?.readingOrder) return undefined;
  const hashes = await loadJourneyHashes(location, matrix);
  return assessReadingOrder(record, hashes.get(namePage(sourceFile, location.root)));
}

/** The page's assessment and where its record lives, or `undefined` (see below). */
async function loadAssessed(
  sourceFile: string,
  root: string,
): Promise<
  { assessed: Assessed; location: RecordLocation; matrix: ProjectSettings['matrix'] } | undefined
> {
  const loaded = await readProjectSettings(root);
  const location = findRecordLocation(loaded, root);
  const recordFile = location && findRecordFile(sourceFile, location);
  if (!recordFile) return undefined;
  const [source, recordText] = await Promise.all([readText(sourceFile), readText(recordFile)]);
  const key = `${source}\0${recordText}`;
  let cached = cache.get(sourceFile);
  if (cached?.key !== key) {
    // Set before any await, so the blocks asking meanwhile share this one.
    const assessed = assessFile(sourceFile, source, recordFile, loaded.settings.matrix);
    cached = { key, assessed };
    cache.set(sourceFile, cached);
  }
  const assessed = await cached.assessed;
  return assessed && { assessed, location, matrix: loaded.settings.matrix };
}

/**
 * What the page's own record proves of its blocks, for the mark under each example, or
 * `undefined` for a page the record does not cover or the verifier cannot read (it reports
 * that itself). Cached while the page and its record are unchanged, so a page costs one
 * extraction however many blocks ask at once; it leaves out the proof in reading order,
 * which reads every page of the site.
 */
export async function loadPageAssessment(
  sourceFile: string,
  root = process.cwd(),
): Promise<PageAssessment | undefined> {
  return (await loadAssessed(sourceFile, root))?.assessed.verification;
}

/**
 * The verification of a page, for the statement under its title: its assessment (as
 * `loadPageAssessment`) and what a journey proved of it in reading order.
 */
export async function loadPageVerification(
  sourceFile: string,
  root = process.cwd(),
): Promise<PageVerification | undefined> {
  const loaded = await loadAssessed(sourceFile, root);
  if (!loaded) return undefined;
  const { assessed, location, matrix } = loaded;
  const readingOrder = await assessInOrder(sourceFile, assessed.record, location, matrix);
  return { ...assessed.verification, readingOrder };
}
