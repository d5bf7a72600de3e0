import type { Page } from '../extract/snippet.ts';
import type { PageResult } from '../judge/results.ts';
import type { DockerEngine } from './engine/engine.ts';
import { type PageSettings, runPage } from './run-page.ts';

export interface RunPagesOptions {
  /** Pages at once, already within what the engine allows (see clampJobs). */
  jobs: number;
  /** Indexes of `pages` in the order to start them; reports stay in page order. */
  startOrder: readonly number[];
  settings: PageSettings;
  signal: AbortSignal;
  onPageStart(file: string): void;
  /** Called once per page, in page order, as soon as the page and all before it are done. */
  onPageEnd(result: PageResult): void;
}

/** How many pages run at once: as many as asked, never more than the engine allows, one at least. */
export function clampJobs(
  requested: number,
  engine: Pick<DockerEngine, 'maxParallelPages'>,
): number {
  return Math.max(1, Math.min(requested, engine.maxParallelPages));
}

/**
 * Runs pages `jobs` at a time, starting them in
 * `startOrder`, and hands results back in page order, so reports read the same whatever the
 * parallelism. After an abort no new page
 * starts; the returned list then holds the pages that finished.
 */
export async function runPages(
  pages: readonly Page[],
  engine: DockerEngine,
  options: RunPagesOptions,
): Promise<PageResult[]> {
  const results: (PageResult | undefined)[] = Array(pages.length).fill(undefined);
  let started = 0;
  let nextToReport = 0;
  const reportReady = () => {
    while (nextToReport < pages.length && results[nextToReport]) {
      const result = results[nextToReport];
      if (result) options.onPageEnd(result);
      nextToReport++;
    }
  };
  const worker = async () => {
    while (started < pages.length && !options.signal.aborted) {
      const index = options.startOrder[started++] ?? -1;
      const page = pages[index];
      if (!page) continue;
      options.onPageStart(page.file);
      results[index] = await runPage(page, engine, options.settings);
      reportReady();
    }
  };
  const workers = Math.max(1, Math.min(options.jobs, pages.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results.filter((result) => result !== undefined);
}
