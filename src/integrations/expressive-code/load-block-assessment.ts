/**
 * The verification record's assessment of the page a code block is in, loaded once per
 * block: a transcript asks in two hooks (its named values, then its mark), and each
 * `loadPageAssessment` reads the settings, the page and its record again to see whether
 * they changed. One render of a block needs them once.
 */
import type { ExpressiveCodeBlock } from '@astrojs/starlight/expressive-code';
import { loadPageAssessment, type PageAssessment } from '../verification/page-verification.ts';

/** Dropped with the block once it is rendered. */
const assessments = new WeakMap<ExpressiveCodeBlock, Promise<PageAssessment | undefined>>();

/** The assessment of the block's page, or `undefined` for a block outside a page or record. */
export function loadBlockAssessment(
  codeBlock: ExpressiveCodeBlock,
  root = process.cwd(),
): Promise<PageAssessment | undefined> {
  const source = codeBlock.parentDocument?.sourceFilePath;
  if (!source) return Promise.resolve(undefined);
  let assessment = assessments.get(codeBlock);
  if (!assessment) {
    assessment = loadPageAssessment(source, root);
    assessments.set(codeBlock, assessment);
  }
  return assessment;
}
