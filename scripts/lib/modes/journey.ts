import type { Docs } from '../orchestrate/read-docs.ts';
import { readDocs } from '../orchestrate/read-docs.ts';
import { runJourney } from '../orchestrate/run-journey.ts';
import { type FinishedRun, runOnce, type Writes } from '../orchestrate/run-once.ts';
import { describeStartedLeg } from '../orchestrate/verify-page.ts';
import { namePage } from '../record/record-path.ts';
import { hashJourney } from '../record/record-reading-order.ts';
import { dayOf, writeRecords } from '../record/write-records.ts';
import type { ModeRunner } from './mode-runner.ts';

/** `--journey --record`: each page's record says whether it was proven in reading order. */
async function recordJourney(docs: Docs, run: FinishedRun): Promise<Writes> {
  const root = docs.recordLocation?.root ?? process.cwd();
  const byName = hashJourney(
    run.pages.map(({ file, page }) => ({
      name: namePage(file, root),
      blockHashes: page.snippets.map((snippet) => snippet.hash),
    })),
  );
  const journeyHashes = new Map(
    run.pages.map(({ file }) => [file, byName.get(namePage(file, root)) ?? '']),
  );
  const records = await writeRecords({
    location: docs.recordLocation,
    pages: run.pages,
    results: run.results,
    legs: run.engines.map(describeStartedLeg),
    today: dayOf(new Date()),
    journeyHashes,
  });
  return { records };
}

/**
 * `--journey`: on each leg, the pages in reading order in one reader's world, reported per
 * page; a failure names the earlier page whose leftovers caused it. With `--record`, each
 * page's record gets what the journey proved of it.
 */
export const journey: ModeRunner = async ({ options, report }) => {
  const docs = await readDocs(options, report);
  const isRecord = options.mode.kind === 'journey' && options.mode.isRecord;
  const write = isRecord ? (run: FinishedRun) => recordJourney(docs, run) : undefined;
  return runOnce(docs, report, write, runJourney);
};
