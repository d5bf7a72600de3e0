/**
 * Parallel speed-up: all chapters with one page at a time, then two (sandbox engine). On two
 * cores, pages that mostly wait on Docker should come close to halving the time.
 */
import { availableParallelism } from 'node:os';
import type { Benchmark, BenchmarkReport } from '../lib/benchmark.ts';
import { listChapters } from '../lib/chapters.ts';
import { compareFigures } from '../lib/figures.ts';
import { formatDuration } from '../lib/format.ts';
import { createNotes } from '../lib/notes.ts';
import { runRounds } from '../lib/rounds.ts';
import { verifyVariant } from '../lib/verify-cli.ts';

const timeoutMs = 20 * 60_000;

export const parallel: Benchmark = {
  name: 'parallel',
  title: 'Parallel speed-up: verify-examples --jobs 1 vs --jobs 2 on all chapters (sandbox)',
  async run({ rounds, root, log }): Promise<BenchmarkReport> {
    const chapters = await listChapters(root);
    const notes = createNotes();
    const variant = (jobs: number) =>
      verifyVariant(
        `jobs ${jobs}`,
        root,
        ['--jobs', String(jobs), '--docker', 'sandbox', ...chapters],
        {
          timeoutMs,
          notes,
        },
      );
    const samples = await runRounds([variant(1), variant(2)], {
      rounds,
      onRun: ({ round, variant: name, ms }) =>
        log(`parallel round ${round}: ${name} ${formatDuration(ms)}`),
    });
    if (availableParallelism() !== 2) {
      notes.add(`This machine has ${availableParallelism()} cores; the goal assumes 2.`);
    }
    return {
      figures: compareFigures(
        'speed-up, time with --jobs 1 / with --jobs 2',
        { label: '--jobs 1', samples: samples.get('jobs 1') ?? [] },
        { label: '--jobs 2', samples: samples.get('jobs 2') ?? [] },
        { comparison: 'at-least', value: 1.6 },
      ),
      tables: [],
      notes: notes.list(),
    };
  },
};
