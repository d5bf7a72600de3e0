import { readFile } from 'node:fs/promises';
import { formatFlag } from '../cli/flags.ts';
import { VerifyError } from '../core/errors.ts';
import type { SourcePage } from '../extract/read-pages.ts';
import type { PageResult } from '../judge/results.ts';
import { replaceFile } from '../system/replace-file.ts';
import { type FileUpdate, planFileUpdate } from './plan-file-update.ts';

/**
 * Writes a page's new text, unless the file no longer holds `original` (someone edited it
 * while the run was going): then nothing is written.
 */
async function rewriteFile(path: string, content: string, original: string): Promise<void> {
  if ((await readFile(path, 'utf8')) !== original) {
    throw new VerifyError(
      'WRITE_FAILED',
      `${path} changed while it was being verified; not rewritten`,
      { hint: `Run the verifier again with ${formatFlag('update')} once the file is saved.` },
    );
  }
  try {
    await replaceFile(path, content);
  } catch (error) {
    throw new VerifyError('WRITE_FAILED', `Cannot write ${path}`, { cause: error });
  }
}

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
    if (planned.source !== page.source) await rewriteFile(result.file, planned.source, page.source);
    updates.push(planned.update);
  }
  return updates;
}
