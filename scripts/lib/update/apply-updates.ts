import type { SourcePage } from '../extract/read-pages.ts';
import type { PageResult } from '../judge/results.ts';
import type { FileUpdate } from '../report/reporter.ts';
import { planFileUpdate } from './plan-file-update.ts';
import { writeAtomically } from './write-atomically.ts';

/** `--update`: rewrites the drifted output of each page's file, one atomic write per file. */
export async function applyUpdates(
  pages: readonly SourcePage[],
  results: readonly PageResult[],
): Promise<FileUpdate[]> {
  const updates: FileUpdate[] = [];
  for (const result of results) {
    const page = pages.find((candidate) => candidate.file === result.file);
    if (!page) continue;
    const planned = planFileUpdate(page.source, result);
    if (planned.update.rewritten.length === 0 && planned.update.refused.length === 0) continue;
    if (planned.source !== page.source)
      await writeAtomically(result.file, planned.source, page.source);
    updates.push(planned.update);
  }
  return updates;
}
