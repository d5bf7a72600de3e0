/**
 * The engine matrix: every chapter on every leg hermetic provides (what `npm run verify`
 * does by default) against the same chapters on one leg, side by side, with the default
 * --jobs, and how busy the cores were meanwhile. Budget (issue 24): the whole matrix takes at
 * most 2.5× one leg's time on 2 cores.
 */
import { availableParallelism } from 'node:os';
import { formatMeasuredDuration } from '../../scripts/lib/core/format.ts';
import type { JsonReport } from '../../scripts/lib/report/json.ts';
import type { Benchmark, BenchmarkReport, Table } from '../lib/benchmark.ts';
import { listChapters } from '../lib/chapters.ts';
import { busyTable, watchCpu } from '../lib/cpu-usage.ts';
import { compareFigures } from '../lib/figures.ts';
import { listLegNames } from '../lib/legs.ts';
import { createNotes } from '../lib/notes.ts';
import { runRounds } from '../lib/rounds.ts';
import { median } from '../lib/stats.ts';
import { verifyVariant } from '../lib/verify-cli.ts';

const timeoutMs = 40 * 60_000;

/** Each leg's share of a matrix run: the sum of its pages' times, per round. */
function addLegTimes(times: Map<string, number[]>, report: JsonReport): void {
  const sums = new Map<string, number>();
  for (const page of report.pages) sums.set(page.leg, (sums.get(page.leg) ?? 0) + page.durationMs);
  for (const [leg, ms] of sums) times.set(leg, [...(times.get(leg) ?? []), ms]);
}

function legsTable(times: Map<string, number[]>): Table {
  return {
    title: 'Per leg of the matrix (median over rounds): the sum of its pages’ times',
    columns: ['leg', 'pages, summed'],
    rows: [...times].map(([leg, samples]) => [leg, formatMeasuredDuration(median(samples))]),
  };
}

export const matrix: Benchmark = {
  name: 'matrix',
  title: 'Engine matrix: all chapters on every leg vs on one leg (sandbox, default --jobs)',
  async run({ rounds, root, log }): Promise<BenchmarkReport> {
    const chapters = await listChapters(root);
    const [first, ...others] = await listLegNames();
    if (!first) throw new Error('No legs.json: run `npm run hermetic` (as root) first.');
    const notes = createNotes();
    const legTimes = new Map<string, number[]>();
    const all = verifyVariant('matrix', root, ['--docker', 'sandbox', ...chapters], {
      timeoutMs,
      notes,
      onReport: (report) => addLegTimes(legTimes, report),
    });
    const one = verifyVariant(
      'one leg',
      root,
      ['--docker', 'sandbox', '--leg', first, ...chapters],
      {
        timeoutMs,
        notes,
      },
    );
    const busy = { matrix: [] as number[], one: [] as number[] };
    const samples = await runRounds([watchCpu(all, busy.matrix), watchCpu(one, busy.one)], {
      rounds,
      onRun: ({ round, variant, ms }) =>
        log(`matrix round ${round}: ${variant} ${formatMeasuredDuration(ms)}`),
    });
    // The legs the matrix ran (the project's matrix, verify-examples.json), not every leg
    // legs.json lists: a leg the project leaves out is not part of its time.
    const ran = legTimes.size > 0 ? [...legTimes.keys()] : [first, ...others];
    return {
      figures: compareFigures(
        `matrix / one leg, ${ran.length} legs`,
        { label: `all legs (${ran.join(', ')})`, samples: samples.get('matrix') ?? [] },
        { label: `one leg (${first})`, samples: samples.get('one leg') ?? [] },
        { comparison: 'at-most', value: 2.5 },
      ),
      tables: [
        legsTable(legTimes),
        busyTable(availableParallelism(), [
          ['all legs', busy.matrix],
          ['one leg', busy.one],
        ]),
      ],
      notes: notes.list(),
    };
  },
};
