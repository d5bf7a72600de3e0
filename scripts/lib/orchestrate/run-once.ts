/**
 * One run over the pages, as the modes that run them once share it (verify, update, review,
 * record): the shard, the legs started, every page on every leg, then what the mode writes
 * (only after a complete run, never after Ctrl-C), the report and the exit code.
 */
import { selectShard } from '../collect/select-shard.ts';
import type { SourcePage } from '../extract/read-pages.ts';
import { hasRunnableSnippet } from '../extract/snippet.ts';
import { countStatuses, decideExitCode, type PageResult } from '../judge/results.ts';
import { findUnverifiedBlocks } from '../judge/unverified-blocks.ts';
import type { RecordWrite } from '../record/write-records.ts';
import type { Reporter } from '../report/reporter.ts';
import type { DockerEngine } from '../run/engine/engine.ts';
import type { FileUpdate } from '../update/plan-file-update.ts';
import { handleInterrupts } from './handle-interrupts.ts';
import type { Docs } from './read-docs.ts';
import { matchPublishedToMirror } from './read-served-images.ts';
import { reportWithoutDocker } from './report-without-docker.ts';
import {
  runVerification,
  type VerificationRequest,
  type VerificationRun,
} from './run-verification.ts';
import { startLegs } from './start-legs.ts';

/** A complete run, for the mode to write from. */
export interface FinishedRun {
  pages: readonly SourcePage[];
  results: readonly PageResult[];
  engines: readonly DockerEngine[];
}

/** What a mode wrote after the run: changed docs, records. */
export interface Writes {
  updates?: FileUpdate[];
  records?: RecordWrite[];
}

/**
 * `run` verifies the pages on the started legs: each page in a world of its own (the
 * default), or a journey (orchestrate/run-journey.ts).
 */
export async function runOnce(
  docs: Docs,
  report: Required<Reporter>,
  write: (run: FinishedRun) => Promise<Writes> = async () => ({}),
  run: (request: VerificationRequest) => Promise<VerificationRun> = runVerification,
): Promise<number> {
  const { hasProblems } = docs;
  const pages = docs.options.shard ? selectShard(docs.pages, docs.options.shard) : docs.pages;
  if (!pages.some(({ page }) => hasRunnableSnippet(page))) {
    return reportWithoutDocker(pages, docs.options, hasProblems, report);
  }
  const { engines, missing, mirror } = await startLegs(docs.options, docs.settings.matrix);
  const options = await matchPublishedToMirror(docs.options, docs.published, mirror);
  const controller = new AbortController();
  const stopHandling = handleInterrupts(controller, () => engines);
  try {
    const { signal } = controller;
    const verified = await run({ pages, engines, missing, options, report, signal });
    const { info, results, durationMs } = verified;
    const isComplete = !signal.aborted;
    const writes = isComplete ? await write({ pages, results, engines }) : {};
    const counts = countStatuses(results);
    await report.onRunEnd({
      info,
      pages: results,
      counts,
      unverified: isComplete ? findUnverifiedBlocks(results) : [],
      durationMs,
      updates: writes.updates ?? [],
      records: writes.records ?? [],
    });
    return decideExitCode(counts, hasProblems, options.shard !== undefined);
  } finally {
    await Promise.all(engines.map((engine) => engine.close()));
    stopHandling();
  }
}
