/**
 * verify-examples: runs every shell snippet of the docs against a real Docker engine and
 * reports where the documented output no longer matches.
 *
 *   args → collect files → extract snippets → shard → start the engine → run pages →
 *   update files → report → exit code (0 passed, 1 drift or failure, 2 usage or environment)
 */

import { type CliOptions, parseCliArgs, usage } from './lib/cli/parse-args.ts';
import { collectFiles } from './lib/collect/collect-files.ts';
import { selectShard } from './lib/collect/select-shard.ts';
import { VerifyError } from './lib/core/errors.ts';
import { readPages } from './lib/extract/read-pages.ts';
import { countFailed, countStatuses, type StatusCounts } from './lib/judge/results.ts';
import {
  orderByExpectedDuration,
  readPageDurations,
  writePageDurations,
} from './lib/plan/page-durations.ts';
import { createDispatcher } from './lib/report/dispatch.ts';
import type { Reporter, RunInfo } from './lib/report/reporter.ts';
import { createReporters } from './lib/report/reporters.ts';
import { createEngine } from './lib/run/engine/create-engine.ts';
import type { DockerEngine } from './lib/run/engine/engine.ts';
import { clampJobs, runPages } from './lib/run/run-pages.ts';
import { killRunningCommands } from './lib/run/session/command.ts';
import { applyUpdates } from './lib/update/apply-updates.ts';

function exitCodeOf(counts: StatusCounts): number {
  if (counts.error > 0) return 2;
  return countFailed(counts) > 0 ? 1 : 0;
}

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
function handleInterrupts(controller: AbortController, engine: DockerEngine): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    process.stderr.write(`\n${signal}: stopping, cleaning up what the run created...\n`);
    controller.abort();
    process.exitCode = signal === 'SIGINT' ? 130 : 143;
    killRunningCommands();
    void engine.close();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

async function verify(options: CliOptions, report: Required<Reporter>): Promise<number> {
  const files = await collectFiles(options.patterns);
  const read = await readPages(files);
  if (!read.ok) {
    report.onDiagnostics(read.diagnostics);
    return 2;
  }
  const pages = options.shard ? selectShard(read.pages, options.shard) : read.pages;
  const engine = await createEngine({ kind: options.docker, mirrors: options.mirrors });
  const controller = new AbortController();
  const stopHandling = handleInterrupts(controller, engine);
  try {
    const info: RunInfo = {
      engine: engine.kind,
      versions: engine.versions,
      files: pages.map((page) => page.page.file),
      jobs: clampJobs(options.jobs, engine),
      isUpdate: options.isUpdate,
      startedAt: new Date(),
    };
    report.onRunStart(info);
    const durations = await readPageDurations();
    const started = performance.now();
    const results = await runPages(
      pages.map((page) => page.page),
      engine,
      {
        jobs: info.jobs,
        startOrder: orderByExpectedDuration(pages, durations),
        settings: { defaultTimeoutSeconds: options.timeoutSeconds },
        signal: controller.signal,
        onPageStart: report.onPageStart,
        onPageEnd: report.onPageEnd,
      },
    );
    await writePageDurations(results, durations);
    const updates =
      options.isUpdate && !controller.signal.aborted ? await applyUpdates(pages, results) : [];
    const counts = countStatuses(results);
    const summary = {
      info,
      pages: results,
      counts,
      durationMs: performance.now() - started,
      updates,
    };
    await report.onRunEnd(summary);
    return exitCodeOf(counts);
  } finally {
    await engine.close();
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
