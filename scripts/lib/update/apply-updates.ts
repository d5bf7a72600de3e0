import { readFile } from 'node:fs/promises';
import { formatFlag } from '../cli/flags.ts';
import { VerifyError } from '../core/errors.ts';
import type { SourcePage } from '../extract/read-pages.ts';
import type { PageResult } from '../judge/results.ts';
import { replaceFile } from '../system/replace-file.ts';
import { type FileUpdate, type PlannedUpdate, planFileUpdate } from './plan-file-update.ts';

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

/**
 * One file's update from its results on every leg: the legs' rewrites when they agree;
 * when they would write different text, nothing, and each drifted command is refused.
 */
function agreeOnUpdate(file: string, planned: readonly PlannedUpdate[]): PlannedUpdate | undefined {
  const [first, ...others] = planned;
  if (!first || others.every((other) => other.source === first.source)) return first;
  const lines = [...new Set(planned.flatMap(({ update }) => update.rewritten))].sort(
    (a, b) => a - b,
  );
  const reason = 'the legs print different output here; update it on one leg at a time';
  const refusals = [
    ...lines.map((line) => ({ line, reason })),
    ...planned.flatMap(({ update }) => update.refused),
  ];
  const refused = refusals.filter(
    (refusal, index) =>
      refusals.findIndex(
        (other) => other.line === refusal.line && other.reason === refusal.reason,
      ) === index,
  );
  return { source: '', update: { file, rewritten: [], refused } };
}

/** `--update`: rewrites the drifted output of each page's file, one atomic write per file. */
export async function applyUpdates(
  pages: readonly SourcePage[],
  results: readonly PageResult[],
): Promise<FileUpdate[]> {
  const updates: FileUpdate[] = [];
  for (const page of pages) {
    const planned = results
      .filter((result) => result.file === page.file)
      .map((result) => planFileUpdate(page.source, result));
    const agreed = agreeOnUpdate(page.file, planned);
    if (!agreed) continue;
    const { source, update } = agreed;
    if (update.rewritten.length === 0 && update.refused.length === 0) continue;
    if (update.rewritten.length > 0 && source !== page.source)
      await rewriteFile(page.file, source, page.source);
    updates.push(update);
  }
  return updates;
}
