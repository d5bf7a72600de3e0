/**
 * Scale: 1, 10 and 100 generated pages of cheap snippets on the user's daemon. The time a
 * site takes beyond the 1-page site, per added snippet, is the harness's cost of a snippet
 * (its page's set-up included, shared by the page's snippets); the same at 10 and at 100 pages
 * tells whether it stays linear.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMeasuredDuration } from '../../scripts/lib/core/format.ts';
import type { Benchmark, BenchmarkReport } from '../lib/benchmark.ts';
import { formatRange } from '../lib/format.ts';
import { hostDaemonEnv } from '../lib/legs.ts';
import { createNotes } from '../lib/notes.ts';
import { runRounds } from '../lib/rounds.ts';
import { analyzeScale, buildScalePages, snippetsPerPage } from '../lib/scale-pages.ts';
import { summarize } from '../lib/stats.ts';
import { breakdownTable, type ReportTimes } from '../lib/time-breakdown.ts';
import { verifyVariant } from '../lib/verify-cli.ts';

const largest = 100;
const scaleSizes = [1, 10, largest] as const;
const timeoutMs = 15 * 60_000;

async function writeSite(folder: string, pages: number): Promise<string> {
  const site = join(folder, `pages-${pages}`);
  await mkdir(site);
  for (const page of buildScalePages(pages)) await writeFile(join(site, page.name), page.content);
  return site;
}

export const scale: Benchmark = {
  name: 'scale',
  title: 'Scale: 1, 10 and 100 pages of cheap snippets (host daemon)',
  async run({ rounds, root, log }): Promise<BenchmarkReport> {
    const folder = await mkdtemp(join(tmpdir(), 'dfv-bench-scale-'));
    const notes = createNotes();
    const env = await hostDaemonEnv();
    try {
      const variants = [];
      const largestReports: ReportTimes[] = [];
      for (const pages of scaleSizes) {
        const site = await writeSite(folder, pages);
        const args = [`${site}/*.md`, '--docker', 'host', '--jobs', '1'];
        const onReport = (report: ReportTimes) => {
          if (pages === largest) largestReports.push(report);
        };
        variants.push(
          verifyVariant(String(pages), root, args, { timeoutMs, notes, onReport, env }),
        );
      }
      const samples = await runRounds(variants, {
        rounds,
        onRun: ({ round, variant, ms }) =>
          log(`scale round ${round}: ${variant} pages ${formatMeasuredDuration(ms)}`),
      });
      const summaries = new Map(
        scaleSizes.map((pages) => [pages, summarize(samples.get(String(pages)) ?? [])]),
      );
      const analysis = analyzeScale(
        new Map([...summaries].map(([pages, summary]) => [pages, summary.median])),
      );
      return {
        figures: [
          {
            label: 'cost per snippet: (t(100 pages) − t(1 page)) / 990 snippets',
            value: analysis.slope,
            unit: 'ms',
            goal: { comparison: 'at-most', value: 5 },
          },
          {
            label: 'linearity: cost per snippet at 100 pages / at 10 pages (1 = linear)',
            value: analysis.linearity,
            unit: 'ratio',
            goal: { comparison: 'at-most', value: 1.2 },
          },
        ],
        tables: [
          breakdownTable(
            `Where the ${largest}-page run's time goes (median over rounds)`,
            samples.get(String(largest)) ?? [],
            largestReports,
            { 'per page': largest, 'per snippet': largest * snippetsPerPage },
          ),
          {
            title: `Total time per size (${snippetsPerPage} console blocks of one command per page)`,
            columns: ['pages', 'snippets', 'median', 'min – max', 'cost per snippet beyond 1 page'],
            rows: [...summaries].map(([pages, summary]) => {
              const perSnippet = analysis.perSnippet.get(pages);
              return [
                String(pages),
                String(pages * snippetsPerPage),
                formatMeasuredDuration(summary.median),
                formatRange(summary.min, summary.max, 'ms'),
                perSnippet === undefined ? '' : formatMeasuredDuration(perSnippet),
              ];
            }),
          },
        ],
        notes: notes.list(),
      };
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  },
};
