/**
 * The test suite as a contributor runs it: `npm test` (the checks, then vitest) with CI=true,
 * on the warm hermetic set-up, with vitest's JSON report beside its usual output, from which
 * each project (unit, docker, e2e) gets its span and its files' summed time. A run takes a
 * quarter of an hour on 2 cores, so it runs once, whatever --rounds says: no warm-up, no spread.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMeasuredDuration } from '../../scripts/lib/core/format.ts';
import { busyShare, readCpuTimes } from '../../scripts/lib/system/cpu-times.ts';
import { runProcess, tailOf } from '../../scripts/lib/system/run-process.ts';
import type { Benchmark, BenchmarkReport, Figure } from '../lib/benchmark.ts';
import { busyTable } from '../lib/cpu-usage.ts';
import { createNotes } from '../lib/notes.ts';
import { type ProjectShare, shareByProject, type VitestJsonReport } from '../lib/suite-report.ts';

/** The budget of issue 24: `npm test` on 2 cores, warm hermetic set-up. */
const suiteGoalMs = 10 * 60_000;
const timeoutMs = 60 * 60_000;

const once = (label: string, ms: number): Figure => ({ label, value: ms, unit: 'ms' });

function projectFigures(share: ProjectShare): Figure[] {
  return [
    once(`${share.project}: first file's start to last file's end`, share.spanMs),
    once(`${share.project}: its ${share.files} files' times added up`, share.summedMs),
  ];
}

export const suite: Benchmark = {
  name: 'suite',
  title: 'The test suite: `npm test` with CI=true, warm hermetic set-up (one run)',
  async run({ root, log }): Promise<BenchmarkReport> {
    const folder = await mkdtemp(join(tmpdir(), 'dfv-bench-suite-'));
    const reportFile = join(folder, 'vitest.json');
    const notes = createNotes();
    try {
      const before = readCpuTimes();
      const run = await runProcess(
        'npm',
        ['test', '--', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`],
        { cwd: root, timeoutMs, env: { CI: 'true' } },
      );
      const after = readCpuTimes();
      log(`suite: npm test ${formatMeasuredDuration(run.durationMs)}, exit ${run.exitCode}`);
      if (run.timedOut) throw new Error(`npm test hung:\n${tailOf(run.all, 10)}`);
      const text = await readFile(reportFile, 'utf8').catch(() => undefined);
      if (text === undefined) throw new Error(`npm test wrote no report:\n${tailOf(run.all, 10)}`);
      const report = JSON.parse(text) as VitestJsonReport;
      if (run.exitCode !== 0) {
        notes.add(
          `npm test failed (${report.numFailedTests} of ${report.numFailedTests + report.numPassedTests} tests)`,
          tailOf(run.all, 8),
        );
      }
      const shares = shareByProject(report, root);
      const starts = report.testResults.map((result) => result.startTime);
      const ends = report.testResults.map((result) => result.endTime);
      const vitestSpan = Math.max(...ends) - Math.min(...starts);
      notes.add(
        'one run: spreads are not measured; the machine load during it is in the Machine section',
      );
      return {
        figures: [
          {
            ...once('npm test, whole (checks, then vitest)', run.durationMs),
            goal: { comparison: 'at-most', value: suiteGoalMs },
          },
          once("vitest: first file's start to last file's end", vitestSpan),
          once(
            'the checks and vitest starting (the rest of the whole)',
            run.durationMs - vitestSpan,
          ),
          ...shares.flatMap(projectFigures),
        ],
        tables: [
          {
            title: 'Per project (their files run in one pool of workers, so the spans overlap)',
            columns: ['project', 'files', 'failed files', 'span', 'summed', 'slowest file'],
            rows: shares.map((share) => [
              share.project,
              String(share.files),
              String(share.failedFiles),
              formatMeasuredDuration(share.spanMs),
              formatMeasuredDuration(share.summedMs),
              share.slowest
                ? `${share.slowest.file} (${formatMeasuredDuration(share.slowest.ms)})`
                : '',
            ]),
          },
          busyTable(availableParallelism(), [
            ['npm test', before && after ? [busyShare(before, after)] : []],
          ]),
        ],
        notes: notes.list(),
      };
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  },
};
