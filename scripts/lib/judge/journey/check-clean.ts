/**
 * A page that needs a clean Docker (`verify.journey.clean`) gets it from its own first block,
 * as its reader does; what earlier pages left of the kinds it names and that is still there
 * after that block fails the block, each leftover with the page that left it. Pure.
 */
import type { LeftoverKind } from '../../core/options.ts';
import type { LeftBy, LeftoverSubject } from '../causes.ts';
import type { PageResult, SnippetResult } from '../results.ts';

const kindOf: Record<LeftoverSubject['kind'], LeftoverKind | undefined> = {
  container: 'containers',
  port: undefined,
  image: 'images',
  volume: 'volumes',
  network: 'networks',
  file: undefined,
};

/** Leftovers of the kinds the page needs gone. */
export function findUncleaned(left: readonly LeftBy[], kinds: readonly LeftoverKind[]): LeftBy[] {
  return left.filter((entry) => {
    const kind = kindOf[entry.subject.kind];
    return kind !== undefined && kinds.includes(kind);
  });
}

function failBlock(
  result: SnippetResult,
  kinds: readonly LeftoverKind[],
  left: LeftBy[],
): SnippetResult {
  if (result.status !== 'pass' && result.status !== 'drift' && result.status !== 'failed')
    return result;
  const last = result.steps.at(-1);
  if (!last) return result;
  const cause = { kind: 'still-there' as const, kinds, left };
  const steps = [
    ...result.steps.slice(0, -1),
    { ...last, causes: [...(last.causes ?? []), cause] },
  ];
  return { ...result, status: 'failed', steps };
}

/**
 * The page's results with its first block that ran (at `line`) failed when leftovers of the
 * kinds it needs gone are still there after it; unchanged otherwise.
 */
export function checkClean(
  page: PageResult,
  line: number,
  kinds: readonly LeftoverKind[],
  left: readonly LeftBy[],
): PageResult {
  const uncleaned = findUncleaned(left, kinds);
  if (uncleaned.length === 0) return page;
  return {
    ...page,
    results: page.results.map((result) =>
      result.snippet.line === line ? failBlock(result, kinds, uncleaned) : result,
    ),
  };
}
