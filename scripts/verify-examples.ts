/**
 * verify-examples: runs every shell snippet of the docs against a real Docker engine and
 * reports where the documented output no longer matches.
 *
 *   args → collect files → extract snippets → shard → start the engine → per page: plan,
 *   run, judge → update files → report → exit code (0 passed, 1 drift or failure, 2 usage
 *   or environment)
 */

import { type CliOptions, parseCliArgs, usage } from './lib/cli/parse-args.ts';
import { collectFiles } from './lib/collect/collect-files.ts';
import { selectShard } from './lib/collect/select-shard.ts';
import { readProjectSettings } from './lib/config/read-project-settings.ts';
import { VerifyError } from './lib/core/errors.ts';
import { readPages, type SourcePage } from './lib/extract/read-pages.ts';
import { hasRunnableSnippet, type Page } from './lib/extract/snippet.ts';
import { judgeCommand } from './lib/judge/judge-command.ts';
import { judgePage } from './lib/judge/judge-page.ts';
import { countStatuses, decideExitCode } from './lib/judge/results.ts';
import { findUnverifiedBlocks } from './lib/judge/unverified-blocks.ts';
import {
  orderByExpectedDuration,
  readPageDurations,
  writePageDurations,
} from './lib/plan/page-durations.ts';
import { planPage } from './lib/plan/plan-page.ts';
import { checkRecords } from './lib/record/check-records.ts';
import { findRecordLocation } from './lib/record/record-path.ts';
import { dayOf, writeRecords } from './lib/record/write-records.ts';
import { createDispatcher } from './lib/report/dispatch.ts';
import type { LegInfo, Reporter, RunInfo } from './lib/report/reporter.ts';
import { createReporters } from './lib/report/reporters.ts';
import { startEngines } from './lib/run/engine/create-engine.ts';
import type { DockerEngine } from './lib/run/engine/engine.ts';
import { resolveLegs } from './lib/run/engine/resolve-legs.ts';
import { describeUnopenedPage, runPage } from './lib/run/run-page.ts';
import { clampJobs, runPages } from './lib/run/run-pages.ts';
import { killRunningCommands } from './lib/run/session/command.ts';
import { applyUpdates } from './lib/update/apply-updates.ts';

const noDocker = { client: '0', server: '0', apiVersion: '0' };

function printError(error: unknown): void {
  if (error instanceof VerifyError) {
    process.stderr.write(`error: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`);
  } else {
    process.stderr.write(
      `error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
}

/** Ctrl-C or a CI cancel: stop starting pages, kill running commands, let pages clean up. */
function handleInterrupts(controller: AbortController, engines: readonly DockerEngine[]) {
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    process.stderr.write(`\n${signal}: stopping, cleaning up what the run created...\n`);
    controller.abort();
    process.exitCode = signal === 'SIGINT' ? 130 : 143;
    killRunningCommands();
    for (const engine of engines) void engine.close();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

function legInfoOf(engine: DockerEngine): LegInfo {
  const { leg, kind, versions } = engine;
  return { name: leg.name, kind, store: leg.store, versions };
}

/** One page on one leg: plan what runs, run it, judge the outcomes. */
async function verifyPage(page: Page, engine: DockerEngine, options: RunSettings) {
  const { name, store } = engine.leg;
  const settings = {
    leg: { name, store, versions: engine.versions },
    defaultTimeoutSeconds: options.timeoutSeconds,
    isStrict: options.isStrict,
  };
  return judgePage(await runPage(planPage(page, settings), engine, judgeCommand));
}

interface RunSettings {
  timeoutSeconds: number;
  isStrict: boolean;
}

/** Pages of which nothing can run: reported as they are (not checked, skipped), no Docker. */
async function reportWithoutDocker(
  pages: readonly SourcePage[],
  options: CliOptions & RunSettings,
  hasProblems: boolean,
  report: Required<Reporter>,
): Promise<number> {
  const info: RunInfo = {
    legs: [],
    missingLegs: [],
    files: pages.map((page) => page.file),
    jobs: 1,
    isUpdate: options.isUpdate,
    isRecord: options.isRecord,
    startedAt: new Date(),
  };
  report.onRunStart(info);
  const settings = {
    leg: { name: '-', store: undefined, versions: noDocker },
    defaultTimeoutSeconds: 0,
    isStrict: options.isStrict,
  };
  const results = pages.map(({ page }) =>
    judgePage(describeUnopenedPage(planPage(page, settings))),
  );
  for (const result of results) report.onPageEnd(result);
  const counts = countStatuses(results);
  await report.onRunEnd({
    info,
    pages: results,
    counts,
    unverified: [],
    durationMs: 0,
    updates: [],
    records: [],
  });
  return decideExitCode(counts, hasProblems, options.shard !== undefined);
}

async function verify(options: CliOptions, report: Required<Reporter>): Promise<number> {
  const loaded = await readProjectSettings();
  const { settings } = loaded;
  const recordLocation = findRecordLocation(loaded);
  const files = await collectFiles(options.patterns);
  const run = { ...options, isStrict: options.isStrict || settings.strict };
  const read = await readPages(files, settings);
  // A page with problems is reported and does not run; the others still do.
  const hasProblems = read.diagnostics.length > 0;
  if (hasProblems) report.onDiagnostics(read.diagnostics);
  if (options.isCheckRecord) {
    if (hasProblems) return 2;
    // The record against the docs, nothing run.
    const problems = await checkRecords(read.pages, recordLocation, settings.matrix);
    if (problems.length > 0) report.onDiagnostics(problems);
    else process.stdout.write(`✓ the record proves every block of ${read.pages.length} pages\n`);
    return problems.length > 0 ? 1 : 0;
  }
  const pages = options.shard ? selectShard(read.pages, options.shard) : read.pages;
  if (!pages.some(({ page }) => hasRunnableSnippet(page))) {
    return reportWithoutDocker(pages, run, hasProblems, report);
  }
  const resolved = await resolveLegs({
    docker: options.docker,
    names: options.legs,
    isCi: process.env['CI'] === 'true',
    matrix: settings.matrix,
  });
  const mirrors =
    options.mirrors.length > 0 ? options.mirrors : resolved.mirror ? [resolved.mirror] : [];
  const engines = await startEngines(resolved.legs, {
    mirrors,
    isHostFallback: options.docker === 'auto',
  });
  const controller = new AbortController();
  const stopHandling = handleInterrupts(controller, engines);
  try {
    const info: RunInfo = {
      legs: engines.map(legInfoOf),
      missingLegs: resolved.missing,
      files: pages.map((page) => page.page.file),
      jobs: clampJobs(options.jobs, engines),
      isUpdate: options.isUpdate,
      isRecord: options.isRecord,
      startedAt: new Date(),
    };
    report.onRunStart(info);
    const durations = await readPageDurations();
    const started = performance.now();
    // Leg after leg, so reports group by leg; started longest first across legs.
    const tasks = engines.flatMap((engine) => pages.map((page) => ({ ...page, engine })));
    const results = await runPages(tasks, {
      jobs: info.jobs,
      startOrder: orderByExpectedDuration(tasks, durations),
      signal: controller.signal,
      engineOf: (task) => task.engine,
      run: (task) => verifyPage(task.page, task.engine, run),
      onStart: (task) => report.onPageStart(task.file, task.engine.leg.name),
      onEnd: report.onPageEnd,
    });
    await writePageDurations(results, durations);
    const isComplete = !controller.signal.aborted;
    const updates = options.isUpdate && isComplete ? await applyUpdates(pages, results) : [];
    const records =
      options.isRecord && isComplete
        ? await writeRecords({
            location: recordLocation,
            pages,
            results,
            legs: engines.map(({ leg, versions }) => ({
              name: leg.name,
              store: leg.store,
              versions,
            })),
            today: dayOf(new Date()),
          })
        : [];
    const counts = countStatuses(results);
    const summary = {
      info,
      pages: results,
      counts,
      unverified: isComplete ? findUnverifiedBlocks(results) : [],
      durationMs: performance.now() - started,
      updates,
      records,
    };
    await report.onRunEnd(summary);
    return decideExitCode(counts, hasProblems, options.shard !== undefined);
  } finally {
    await Promise.all(engines.map((engine) => engine.close()));
    stopHandling();
  }
}

async function main(): Promise<void> {
  try {
    const options = parseCliArgs(process.argv.slice(2));
    if (options.isHelp) {
      process.stdout.write(`${usage}\n`);
      return;
    }
    const report = createDispatcher(createReporters(options.reporters, process.stdout));
    try {
      const code = await verify(options, report);
      // An interrupt set its own exit code while the run was finishing; it stands.
      process.exitCode ??= code;
    } finally {
      // Reports that are written at the end (json, junit) are written even after an error.
      await report.onClose();
    }
  } catch (error) {
    printError(error);
    process.exitCode = 2;
  }
}

await main();
