/**
 * Parallel speed-up: all chapters with one page at a time, then two (sandbox engine). On two
 * cores, pages that mostly wait on Docker should come close to halving the time. Beside the
 * figure, what bounds it: the ideal speed-up the pages' own times allow (pages taken in
 * order by two workers, no contention), how much slower each page gets beside another, and
 * how busy the machine's cores were.
 */
import { availableParallelism } from 'node:os';
import { formatMeasuredDuration } from '../../scripts/lib/core/format.ts';
import type { Benchmark, BenchmarkReport, Figure, Table } from '../lib/benchmark.ts';
import { listChapters } from '../lib/chapters.ts';
import { busyTable, watchCpu } from '../lib/cpu-usage.ts';
import { compareFigures } from '../lib/figures.ts';
import { selectOneLeg } from '../lib/legs.ts';
import { createNotes } from '../lib/notes.ts';
import { addPageTime, type PageTimes } from '../lib/page-times.ts';
import { runRounds } from '../lib/rounds.ts';
import { scheduleInOrder } from '../lib/schedule.ts';
import { median } from '../lib/stats.ts';
import { verifyVariant } from '../lib/verify-cli.ts';

const timeoutMs = 20 * 60_000;

interface Observed {
  pages: PageTimes;
  /** Share of all cores busy during each measured run. */
  busy: number[];
}

/** T(1) over the time two contention-free workers would take on the --jobs 1 page times. */
function idealSpeedUp(wallOfOne: number, pages: ReadonlyMap<string, number[]>): Figure {
  const times = [...pages.values()].map(median);
  const fixed = wallOfOne - times.reduce((sum, time) => sum + time, 0);
  return {
    label: 'ceiling: the --jobs 1 page times on 2 contention-free workers, in page order',
    value: wallOfOne / (fixed + scheduleInOrder(times, 2)),
    unit: 'ratio',
  };
}

function pagesTable(one: Observed, two: Observed): Table {
  return {
    title: 'Per page (median), from opening the page to its last command',
    columns: ['page', '--jobs 1', '--jobs 2', 'slower beside another page'],
    rows: [...one.pages].map(([file, times]) => {
      const alone = median(times);
      const beside = median(two.pages.get(file) ?? [Number.NaN]);
      return [
        file,
        formatMeasuredDuration(alone),
        formatMeasuredDuration(beside),
        `${(beside / alone).toFixed(2)}×`,
      ];
    }),
  };
}

function cpuTable(observed: ReadonlyMap<number, Observed>, cores: number): Table {
  return busyTable(
    cores,
    [...observed].map(([jobs, { busy }]) => [`--jobs ${jobs}`, busy] as const),
  );
}

export const parallel: Benchmark = {
  name: 'parallel',
  title:
    'Parallel speed-up: verify-examples --jobs 1 vs --jobs 2 on all chapters (sandbox, one leg)',
  async run({ rounds, root, log }): Promise<BenchmarkReport> {
    const chapters = await listChapters(root);
    const leg = await selectOneLeg();
    const notes = createNotes();
    const one: Observed = { pages: new Map(), busy: [] };
    const two: Observed = { pages: new Map(), busy: [] };
    const observed = new Map<number, Observed>([
      [1, one],
      [2, two],
    ]);
    const variants = [...observed].map(([jobs, seen]) => {
      const args = ['--jobs', String(jobs), '--docker', 'sandbox', ...leg, ...chapters];
      const variant = verifyVariant(`jobs ${jobs}`, root, args, {
        timeoutMs,
        notes,
        onReport: (report) => {
          for (const page of report.pages) addPageTime(seen.pages, page.file, page.durationMs);
        },
      });
      return watchCpu(variant, seen.busy);
    });
    const samples = await runRounds(variants, {
      rounds,
      onRun: ({ round, variant, ms }) =>
        log(`parallel round ${round}: ${variant} ${formatMeasuredDuration(ms)}`),
    });
    const cores = availableParallelism();
    if (cores !== 2) notes.add(`This machine has ${cores} cores; the goal assumes 2.`);
    const wallOfOne = samples.get('jobs 1') ?? [];
    return {
      figures: [
        ...compareFigures(
          'speed-up: time with --jobs 1 / with --jobs 2',
          { label: '--jobs 1', samples: wallOfOne },
          { label: '--jobs 2', samples: samples.get('jobs 2') ?? [] },
          { comparison: 'at-least', value: 1.6 },
        ),
        idealSpeedUp(median(wallOfOne), one.pages),
      ],
      tables: [pagesTable(one, two), cpuTable(observed, cores)],
      notes: notes.list(),
    };
  },
};
