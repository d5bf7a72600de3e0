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
import { hasRunnableSnippet } from './lib/extract/snippet.ts';
import { judgePage } from './lib/judge/judge-page.ts';
import { countStatuses, decideExitCode, type PageResult } from './lib/judge/results.ts';
import { findUnverifiedBlocks } from './lib/judge/unverified-blocks.ts';
import { handleInterrupts } from './lib/orchestrate/handle-interrupts.ts';
import { runVerification } from './lib/orchestrate/run-verification.ts';
import { startLegs } from './lib/orchestrate/start-legs.ts';
import type { RunSettings } from './lib/orchestrate/verify-page.ts';
import { planPage } from './lib/plan/plan-page.ts';
import { checkRecords } from './lib/record/check-records.ts';
import { findRecordLocation } from './lib/record/record-path.ts';
import { dayOf, writeRecords } from './lib/record/write-records.ts';
import { colorPalette, isColorEnabled, plainPalette } from './lib/report/colors.ts';
import { createDispatcher } from './lib/report/dispatch.ts';
import type { Reporter, RunInfo } from './lib/report/reporter.ts';
import { createReporters } from './lib/report/reporters.ts';
import { openKeyReader } from './lib/review/key-reader.ts';
import { checkReviewTerminal, reviewUpdates } from './lib/review/review-changes.ts';
import { describeUnopenedPage } from './lib/run/run-page.ts';
import { applyUpdates } from './lib/update/apply-updates.ts';
import type { FileUpdate } from './lib/update/plan-file-update.ts';
import { watchPages } from './lib/watch/watch-pages.ts';

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

/** `--update` writes every agreed change; `--review` asks about each at the terminal. */
async function writeUpdates(
  options: CliOptions,
  pages: readonly SourcePage[],
  results: readonly PageResult[],
): Promise<FileUpdate[]> {
  if (!options.isUpdate) return [];
  if (!options.isReview) return applyUpdates(pages, results);
  const keys = openKeyReader(process.stdin);
  try {
    const palette = isColorEnabled(true, process.env) ? colorPalette : plainPalette;
    const write = (text: string) => void process.stdout.write(text);
    return await reviewUpdates(pages, results, { keys, write, palette });
  } finally {
    keys.close();
  }
}

async function verify(options: CliOptions, report: Required<Reporter>): Promise<number> {
  if (options.isReview) checkReviewTerminal(process.stdin, process.stdout);
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
  if (options.isWatch) {
    const target = {
      write: (text: string) => void process.stdout.write(text),
      isTty: process.stdout.isTTY === true,
      get columns() {
        return process.stdout.columns;
      },
    };
    return watchPages({
      options: run,
      settings,
      settingsFile: loaded.file,
      recordLocation,
      pages: read.pages,
      report,
      target,
    });
  }
  const pages = options.shard ? selectShard(read.pages, options.shard) : read.pages;
  if (!pages.some(({ page }) => hasRunnableSnippet(page))) {
    return reportWithoutDocker(pages, run, hasProblems, report);
  }
  const { engines, missing } = await startLegs(options, settings.matrix);
  const controller = new AbortController();
  const stopHandling = handleInterrupts(controller, () => engines);
  try {
    const { info, results, durationMs } = await runVerification({
      pages,
      engines,
      missing,
      options: run,
      report,
      signal: controller.signal,
    });
    const isComplete = !controller.signal.aborted;
    const updates = isComplete ? await writeUpdates(options, pages, results) : [];
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
      durationMs,
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
