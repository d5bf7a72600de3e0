import { describeCondition } from '../core/conditions.ts';
import type { PageResult, SnippetResult } from './results.ts';

/** A block no leg of the run verified, because its condition holds on none of them. */
export interface UnverifiedBlock {
  file: string;
  line: number;
  reason: string;
}

/**
 * The blocks every leg of the run left to others: they were never verified, which a run must
 * say rather than count as passed. Pages keep their order, blocks theirs. Pure.
 */
export function findUnverifiedBlocks(pages: readonly PageResult[]): UnverifiedBlock[] {
  const byBlock = new Map<string, { result: SnippetResult; legs: string[]; isExcluded: boolean }>();
  for (const page of pages) {
    for (const result of page.results) {
      const key = `${result.snippet.file}:${result.snippet.line}`;
      const entry = byBlock.get(key) ?? { result, legs: [], isExcluded: true };
      entry.legs.push(page.leg);
      entry.isExcluded &&= result.status === 'excluded';
      byBlock.set(key, entry);
    }
  }
  return [...byBlock.values()]
    .filter((entry) => entry.isExcluded)
    .map(({ result, legs }) => ({
      file: result.snippet.file,
      line: result.snippet.line,
      reason: `it holds for ${describeCondition(result.snippet.options.condition)}, which no leg of this run has (${legs.join(', ')})`,
    }));
}
