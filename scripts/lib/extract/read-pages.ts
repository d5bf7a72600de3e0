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

export interface ReadPagesResult {
  pages: SourcePage[];
  /** Problems of whole pages (their fences' problems are on their snippets). */
  diagnostics: Diagnostic[];
}

function countCommands(page: Page): number {
  return page.snippets.reduce((sum, snippet) => sum + listCommandSteps(snippet).length, 0);
}

/**
 * Reads and extracts every file. A page with a problem is still a page: its problems are
 * reported and it does not run, but it stops no other page.
 */
export async function readPages(
  files: readonly string[],
  settings: ExtractSettings = {},
): Promise<ReadPagesResult> {
  const pages: SourcePage[] = [];
  for (const file of files) {
    const source = await readFile(file, 'utf8');
    const { page } = extractSnippets(source, file, settings);
    pages.push({ file, page, source, weight: countCommands(page) });
  }
  return { pages, diagnostics: pages.flatMap((source) => source.page.diagnostics) };
}
