/**
 * A page as the verifier reads it, extracted once per text of the page: the mark under an
 * example and the journey hashes under a title both read every page, and without this each
 * page was parsed twice per build (once by each copy of the modules, see shared-cache.ts).
 */
import type { MatrixLeg } from '../../../scripts/lib/core/legs.ts';
import { extractSnippets } from '../../../scripts/lib/extract/extract-snippets.ts';
import type { Page } from '../../../scripts/lib/extract/snippet.ts';
import { sharedCache } from './shared-cache.ts';

/** The latest extraction of each file; a new text or matrix replaces it. */
const cache = sharedCache<{ source: string; matrix: string; page: Page }>('extracted-pages');

/**
 * `extractSnippets(source, file, { matrix })`, or the page it gave for the same file, text
 * and matrix. The matrix only adds problems to the page, never changes a block's hash.
 */
export function extractPage(file: string, source: string, matrix: readonly MatrixLeg[]): Page {
  const matrixKey = JSON.stringify(matrix);
  const cached = cache.get(file);
  if (cached?.source === source && cached.matrix === matrixKey) return cached.page;
  const { page } = extractSnippets(source, file, { matrix });
  cache.set(file, { source, matrix: matrixKey, page });
  return page;
}
