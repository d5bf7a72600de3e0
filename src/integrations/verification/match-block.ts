import { normalizeBlockText } from '../../../scripts/lib/core/block-hash.ts';
import type { BlockAssessment } from '../../../scripts/lib/record/assess-page.ts';

/** A code block as Expressive Code hands it over: tabs expanded, lines trimmed at the end. */
export interface RenderedBlock {
  language: string;
  code: string;
  meta: string;
}

const keyOf = (language: string, code: string, meta: string) =>
  `${language}\n${meta.trim()}\n${normalizeBlockText(code).replace(/\t/g, '  ')}`;

const worstFirst: readonly BlockAssessment['state'][] = [
  'unrecorded',
  'failing',
  'partial',
  'skipped',
  'file',
  'verified',
];

/**
 * The assessment of the block the verifier read as this rendered block: same language,
 * meta and text. Equal blocks of a page share one; when their records disagree, the least
 * proven is shown, so a mark never claims more than the record proves. Pure.
 */
export function matchBlock(
  blocks: readonly BlockAssessment[],
  rendered: RenderedBlock,
): BlockAssessment | undefined {
  const key = keyOf(rendered.language, rendered.code, rendered.meta);
  const matching = blocks.filter(
    ({ snippet }) => keyOf(snippet.language, snippet.code, snippet.meta) === key,
  );
  return matching.sort((a, b) => worstFirst.indexOf(a.state) - worstFirst.indexOf(b.state))[0];
}
