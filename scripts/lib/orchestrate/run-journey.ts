/**
 * `--journey`: on each leg, the pages in reading order in one reader's world (one daemon, one
 * home and working folder, a new terminal per page; see run/journey/open-journey.ts). Legs
 * travel side by side, each world its own. Between pages the world's inventory says which
 * page left what, so a page that breaks on an earlier page's leftovers names it; a page that
 * needs a clean Docker is checked after its first block. Pages are reported as usual, leg
 * after leg, each as soon as it and those before it are done.
 */
import { debuglog } from 'node:util';
import { describeWrites } from '../cli/mode.ts';
import type { SourcePage } from '../extract/read-pages.ts';
import type { LeftBy } from '../judge/causes.ts';
import { blameLeftovers } from '../judge/journey/blame-leftovers.ts';
import { checkClean } from '../judge/journey/check-clean.ts';
import {
  type Ledger,
  listLeftBy,
  listStillThere,
  startLedger,
  updateLedger,
} from '../judge/journey/track-leftovers.ts';
import { createCommandJudge } from '../judge/judge-command.ts';
import { judgePage } from '../judge/judge-page.ts';
import type { PageResult } from '../judge/results.ts';
import { type PagePlan, planPage } from '../plan/plan-page.ts';
import type { Reporter, RunInfo } from '../report/reporter.ts';
import type { DockerEngine } from '../run/engine/engine.ts';
import { type Journey, openJourney } from '../run/journey/open-journey.ts';
import type { VerificationRequest, VerificationRun } from './run-verification.ts';
import { describePlanSettings, describeStartedLeg, type RunSettings } from './verify-page.ts';

const debug = debuglog('dfv');

/** Reports results in task order, each once it and all before it are in. */
function reportInOrder(total: number, emit: (result: PageResult) => void) {
  const results: (PageResult | undefined)[] = Array(total).fill(undefined);
  let next = 0;
  return (index: number, result: PageResult) => {
    results[index] = result;
    while (next < total && results[next] !== undefined) emit(results[next++] as PageResult);
  };
}

/** The line of a plan's first snippet that runs: where a clean state is checked. */
function findFirstRunLine(plan: PagePlan): number | undefined {
  return plan.snippets.find((planned) => planned.action === 'run')?.snippet.line;
}

async function readLedger(journey: Journey, ledger: Ledger, page: SourcePage): Promise<Ledger> {
  try {
    const started = performance.now();
    const inventory = await journey.takeInventory();
    debug(`journey: inventory after ${page.file} in ${Math.round(performance.now() - started)} ms`);
    return inventory ? updateLedger(ledger, inventory, page.page) : ledger;
  } catch (error) {
    debug(`journey: no inventory after ${page.file}: ${String(error)}`);
    return ledger;
  }
}

interface Travel {
  engine: DockerEngine;
  pages: readonly SourcePage[];
  options: RunSettings;
  report: Required<Reporter>;
  signal: AbortSignal;
  onPageEnd(index: number, result: PageResult): void;
}

/** One leg's journey: every page in order in one world, each judged and blamed. */
async function travel({ engine, pages, options, report, signal, onPageEnd }: Travel) {
  const leg = engine.leg.name;
  // One world for the whole journey: no spare sandbox after it.
  engine.expectPages(1);
  const journey = await openJourney(engine, 'journey');
  try {
    const first = await journey.takeInventory().catch(() => undefined);
    let ledger: Ledger = first ? startLedger(first) : [];
    for (const [index, source] of pages.entries()) {
      if (signal.aborted) break;
      const { page, file } = source;
      report.onPageStart(file, leg);
      const plan = planPage(page, describePlanSettings(page, engine, options));
      const clean = page.options.journey?.clean;
      let stillThere: LeftBy[] | undefined;
      const run = await journey.runPage(plan, {
        judge: createCommandJudge(),
        onProgress: (progress) =>
          report.onPageProgress(file, leg, { status: 'running', ...progress }),
        afterFirstBlock: clean
          ? async () => {
              const inventory = await journey.takeInventory().catch(() => undefined);
              stillThere = inventory && listStillThere(ledger, inventory);
            }
          : undefined,
      });
      let result = blameLeftovers(judgePage(run), listLeftBy(ledger));
      const line = findFirstRunLine(plan);
      if (clean && stillThere && line !== undefined)
        result = checkClean(result, line, clean, stillThere);
      ledger = await readLedger(journey, ledger, source);
      report.onPageProgress(file, leg, { status: 'finished' });
      onPageEnd(index, result);
    }
  } finally {
    await journey.close();
  }
}

/** The journey on every leg, `jobs` legs at a time. */
export async function runJourney(request: VerificationRequest): Promise<VerificationRun> {
  const { pages, engines, options, report, signal } = request;
  const jobs = Math.max(1, Math.min(options.jobs, engines.length));
  const info: RunInfo = {
    legs: engines.map(describeStartedLeg),
    missingLegs: request.missing,
    files: pages.map((page) => page.file),
    jobs,
    ...describeWrites(options.mode),
    startedAt: new Date(),
  };
  report.onRunStart(info);
  const started = performance.now();
  const results: PageResult[] = [];
  const emit = reportInOrder(engines.length * pages.length, (result) => {
    results.push(result);
    report.onPageEnd(result);
  });
  const waiting = engines.map((engine, legIndex) => ({ engine, legIndex }));
  const worker = async () => {
    for (let next = waiting.shift(); next; next = waiting.shift()) {
      const { engine, legIndex } = next;
      await travel({
        engine,
        pages,
        options,
        report,
        signal,
        onPageEnd: (index, result) => emit(legIndex * pages.length + index, result),
      });
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  return { info, results, durationMs: performance.now() - started };
}
