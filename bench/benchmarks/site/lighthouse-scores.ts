/** Lighthouse on the landing page and on a chapter with a diagram, pages interleaved by round. */

import { formatMeasuredDuration } from '../../../scripts/lib/core/format.ts';
import { startStaticServer } from '../../../scripts/site/serve-static.ts';
import type { BenchmarkReport, Figure, Goal, Table } from '../../lib/benchmark.ts';
import { type LighthouseScores, metricIds, runLighthouse } from '../../lib/lighthouse.ts';
import { runRounds, timeIt } from '../../lib/rounds.ts';
import { median, summarize } from '../../lib/stats.ts';
import type { PageJavaScript } from './page-javascript.ts';

const goals = {
  performance: { comparison: 'at-least', value: 95 },
  accessibility: { comparison: 'at-least', value: 100 },
} as const satisfies Record<string, Goal>;
const categories = ['performance', 'accessibility'] as const;

/** The landing page, and the first chapter (not a test fixture) that shows a diagram. */
function pickAuditedPages(pages: readonly PageJavaScript[], base: string): string[] {
  const chapter = pages.find(
    (page) => page.diagrams > 0 && page.path !== `${base}/` && !page.path.includes('/fixtures/'),
  );
  return [`${base}/`, ...(chapter ? [chapter.path] : [])];
}

function figuresOf(path: string, runs: readonly LighthouseScores[]): Figure[] {
  return categories.map((category) => {
    const { median: value, min, max } = summarize(runs.map((run) => run[category]));
    const label = `Lighthouse ${category}, ${path}`;
    return { label, value, unit: 'score', spread: { min, max }, goal: goals[category] };
  });
}

function metricsTable(results: ReadonlyMap<string, LighthouseScores[]>): Table {
  return {
    title:
      'Lighthouse metrics (median; mobile default config: slow 4G and a 4× slower CPU, simulated)',
    columns: ['page', ...metricIds, 'audits below full marks in any round'],
    rows: [...results].map(([path, runs]) => [
      path,
      ...metricIds.map((id) => {
        const value = median(runs.map((run) => run.metrics[id]));
        return id === 'cumulative-layout-shift' ? value.toFixed(3) : formatMeasuredDuration(value);
      }),
      [...new Set(runs.flatMap((run) => run.failedAudits))].sort().join(', ') || 'none',
    ]),
  };
}

export async function measureLighthouse(
  distDir: string,
  base: string,
  pages: readonly PageJavaScript[],
  rounds: number,
  log: (message: string) => void,
): Promise<BenchmarkReport> {
  const audited = pickAuditedPages(pages, base);
  const results = new Map(audited.map((path) => [path, [] as LighthouseScores[]]));
  const server = await startStaticServer(distDir, base);
  try {
    const variants = audited.map((path) => ({
      name: path,
      run: ({ isWarmup }: { isWarmup: boolean }) =>
        timeIt(async () => {
          const result = await runLighthouse(`${server.origin}${path}`);
          if (!isWarmup) results.get(path)?.push(result);
          log(
            `lighthouse ${path}: performance ${result.performance}, accessibility ${result.accessibility}`,
          );
        }),
    }));
    await runRounds(variants, { rounds });
  } finally {
    await server.close();
  }
  return {
    figures: [...results].flatMap(([path, runs]) => figuresOf(path, runs)),
    tables: [metricsTable(results)],
    notes: [
      ...(audited.length < 2
        ? ['No chapter with a diagram was found; only the landing page was audited.']
        : []),
      'The static server (scripts/site/serve-static.ts) does not compress; GitHub Pages serves gzip, so Lighthouse sees larger transfers here than readers do.',
    ],
  };
}
