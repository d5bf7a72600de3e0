import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../core/errors.ts';
import { type ExtractSettings, extractSnippets } from './extract-snippets.ts';
import { listCommandSteps, type Page } from './snippet.ts';

export interface SourcePage {
  file: string;
  page: Page;
  /** The file as read, for `--update` (which refuses to write over a file changed since). */
  source: string;
  /** Commands in the page: how heavy it is, for sharding. */
  weight: number;
}

export type ReadPagesResult =
  | { ok: true; pages: SourcePage[] }
  | { ok: false; diagnostics: Diagnostic[] };

function countCommands(page: Page): number {
  return page.snippets.reduce((sum, snippet) => sum + listCommandSteps(snippet).length, 0);
}

/** Reads and extracts every file, collecting the diagnostics of all of them. */
export async function readPages(
  files: readonly string[],
  settings?: ExtractSettings,
): Promise<ReadPagesResult> {
  const pages: SourcePage[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const source = await readFile(file, 'utf8');
    const extracted = extractSnippets(source, file, settings);
    if (extracted.ok)
      pages.push({ file, page: extracted.page, source, weight: countCommands(extracted.page) });
    else diagnostics.push(...extracted.diagnostics);
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, pages };
}
