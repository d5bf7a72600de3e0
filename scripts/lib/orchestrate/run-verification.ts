/**
 * Every page on every leg, within `--jobs`, longest first, reported as pages end: the part
 * of a run between starting the engines and writing anything, shared by a single run and
 * watch mode's first run.
 */
import { availableParallelism } from 'node:os';
import { describeWrites } from '../cli/mode.ts';
import type { CliOptions } from '../cli/parse-args.ts';
import type { SourcePage } from '../extract/read-pages.ts';
import type { PageResult } from '../judge/results.ts';
import { extraPageCeiling, mayStartExtraPage } from '../plan/extra-pages.ts';
import { orderByExpectedDuration } from '../plan/order-pages.ts';
import type { Reporter, RunInfo } from '../report/reporter.ts';
import type { DockerEngine } from '../run/engine/engine.ts';
import { clampJobs, type ExtraTasks, runPages } from '../run/run-pages.ts';
import { watchMachine } from '../system/watch-machine.ts';
import { readPageDurations, writePageDurations } from './page-durations.ts';
import {
  countOpeningPages,
  describeStartedLeg,
  type RunSettings,
  verifyPageWithRetries,
} from './verify-page.ts';

export interface VerificationRun {
  info: RunInfo;
  results: PageResult[];
  durationMs: number;
}

/** What a run over the started legs needs: the pages, the engines, the options, the reporters. */
export interface VerificationRequest {
  pages: readonly SourcePage[];
  engines: readonly DockerEngine[];
  missing: RunInfo['missingLegs'];
  options: CliOptions & RunSettings;
  report: Required<Reporter>;
  signal: AbortSignal;
}

/** Without --jobs: more pages than cores while the cores are idle (plan/extra-pages.ts). */
function planExtraPages(engines: readonly DockerEngine[]): ExtraTasks {
  const room = engines.reduce((sum, engine) => sum + engine.maxParallelPages, 0);
  const ceiling = extraPageCeiling(availableParallelism(), room);
  const readMachine = watchMachine();
  return {
    ceiling,
    intervalMs: 2000,
    mayStart(running) {
      const reading = readMachine();
      return reading !== undefined && mayStartExtraPage(reading, running, ceiling);
    },
  };
}

export async function runVerification(request: VerificationRequest): Promise<VerificationRun> {
  const { pages, engines, options, report } = request;
  const info: RunInfo = {
    legs: engines.map(describeStartedLeg),
    missingLegs: request.missing,
    files: pages.map((page) => page.page.file),
    jobs: clampJobs(options.jobs, engines),
    ...describeWrites(options.mode),
    startedAt: new Date(),
  };
  report.onRunStart(info);
  for (const engine of engines) {
    engine.expectPages(
      countOpeningPages(
        pages.map(({ page }) => page),
        engine,
        options,
      ),
    );
  }
  const durations = await readPageDurations();
  const started = performance.now();
  // Leg after leg, so reports group by leg; started longest first across legs.
  const tasks = engines.flatMap((engine) => pages.map((page) => ({ ...page, engine })));
  const results = await runPages(tasks, {
    jobs: info.jobs,
    startOrder: orderByExpectedDuration(tasks, durations),
    signal: request.signal,
    engineOf: (task) => task.engine,
    run: async (task) => {
      const leg = task.engine.leg.name;
      const result = await verifyPageWithRetries(
        task.page,
        task.engine,
        options,
        request.signal,
        (progress) => report.onPageProgress(task.file, leg, { status: 'running', ...progress }),
      );
      report.onPageProgress(task.file, leg, { status: 'finished' });
      return result;
    },
    onStart: (task) => report.onPageStart(task.file, task.engine.leg.name),
    onEnd: report.onPageEnd,
    extra: options.isJobsFixed ? undefined : planExtraPages(engines),
  });
  const durationMs = performance.now() - started;
  await writePageDurations(results, durations);
  return { info, results, durationMs };
}
