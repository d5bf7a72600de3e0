import { formatMeasuredDuration } from '../../scripts/lib/core/format.ts';
import type { Table } from './benchmark.ts';
import { median } from './stats.ts';

/**
 * Splits a verifier run's wall time by what its JSON report times: the snippets themselves,
 * the rest of each page (opening it: snapshot, scratch folder, shell), what happens between
 * pages (disposing of them), and the process around the run (start-up, preflight, exit).
 */

export interface ReportTimes {
  durationMs: number | null;
  pages: readonly { durationMs: number; snippets: readonly { durationMs: number }[] }[];
}

export const breakdownParts = ['process', 'between pages', 'page set-up', 'snippets'] as const;
export type BreakdownPart = (typeof breakdownParts)[number];

export function breakDownRun(wallMs: number, report: ReportTimes): Record<BreakdownPart, number> {
  const run = report.durationMs ?? wallMs;
  const pages = report.pages.reduce((sum, page) => sum + page.durationMs, 0);
  const snippets = report.pages
    .flatMap((page) => page.snippets)
    .reduce((sum, snippet) => sum + snippet.durationMs, 0);
  return {
    process: wallMs - run,
    'between pages': run - pages,
    'page set-up': pages - snippets,
    snippets,
  };
}

/**
 * The median breakdown of several runs of the same pages (wall times and reports in round
 * order), in all and divided by each of `per` (e.g. `{ 'per page': 100 }`).
 */
export function breakdownTable(
  title: string,
  walls: readonly number[],
  reports: readonly ReportTimes[],
  per: Readonly<Record<string, number>>,
): Table {
  const runs = walls.map((wall, index) =>
    breakDownRun(wall, reports[index] ?? { durationMs: null, pages: [] }),
  );
  return {
    title,
    columns: ['part', 'total', ...Object.keys(per)],
    rows: breakdownParts.map((part) => {
      const total = median(runs.map((times) => times[part]));
      const shares = Object.values(per).map((count) => formatMeasuredDuration(total / count));
      return [part, formatMeasuredDuration(total), ...shares];
    }),
  };
}
