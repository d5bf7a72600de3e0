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
