import { readFile } from 'node:fs/promises';
import { VerifyError } from '../core/errors.ts';
import { formatFlag } from '../core/flags.ts';
import type { SourcePage } from '../extract/read-pages.ts';
import type { PageResult } from '../judge/results.ts';
import { replaceFile } from '../system/replace-file.ts';
import { type AgreedChange, agreeOnChanges, type FileChanges } from './agree-on-changes.ts';
import { type FileUpdate, listRewrittenLines } from './plan-file-update.ts';
import { rewriteSource } from './rewrite-source.ts';

/**
 * Writes a page's new text, unless the file no longer holds `expected` (someone edited it
 * while the run, or the review, was going): then nothing is written.
 */
export async function rewriteFile(path: string, content: string, expected: string): Promise<void> {
  if ((await readFile(path, 'utf8')) !== expected) {
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

/** The source with `changes` applied to it; every other byte as it was. */
export function applyChanges(source: string, changes: readonly AgreedChange[]): string {
  const edits = changes.flatMap((change) => change.edits);
  return edits.length > 0 ? rewriteSource(source, edits) : source;
}

/** Each file's agreed changes, for the pages that have any (or refusals to report). */
export function planUpdates(
  pages: readonly SourcePage[],
  results: readonly PageResult[],
): FileChanges[] {
  return pages
    .map((page) =>
      agreeOnChanges(
        page.file,
        results.filter((result) => result.file === page.file),
      ),
    )
    .filter((planned) => planned.changes.length > 0 || planned.refused.length > 0);
}

/** `--update`: rewrites the drifted output of each page's file, one atomic write per file. */
export async function applyUpdates(
  pages: readonly SourcePage[],
  results: readonly PageResult[],
): Promise<FileUpdate[]> {
  const updates: FileUpdate[] = [];
  for (const planned of planUpdates(pages, results)) {
    const page = pages.find((candidate) => candidate.file === planned.file);
    if (!page) continue;
    if (planned.changes.length > 0)
      await rewriteFile(page.file, applyChanges(page.source, planned.changes), page.source);
    updates.push({
      file: planned.file,
      rewritten: planned.changes.flatMap(listRewrittenLines),
      refused: planned.refused,
      skipped: [],
    });
  }
  return updates;
}
