import { readDocs } from '../orchestrate/read-docs.ts';
import { runOnce } from '../orchestrate/run-once.ts';
import { describeStartedLeg } from '../orchestrate/verify-page.ts';
import { dayOf, writeRecords } from '../record/write-records.ts';
import type { ModeRunner } from './mode-runner.ts';

/** `--record`: verify, then write the verification record of the pages verified. */
export const record: ModeRunner = async ({ options, report }) => {
  const docs = await readDocs(options, report);
  return runOnce(docs, report, async ({ pages, results, engines }) => ({
    records: await writeRecords({
      location: docs.recordLocation,
      pages,
      results,
      legs: engines.map(describeStartedLeg),
      today: dayOf(new Date()),
    }),
  }));
};
