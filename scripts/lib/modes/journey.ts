import { readDocs } from '../orchestrate/read-docs.ts';
import { runJourney } from '../orchestrate/run-journey.ts';
import { runOnce } from '../orchestrate/run-once.ts';
import type { ModeRunner } from './mode-runner.ts';

/**
 * `--journey`: on each leg, the pages in reading order in one reader's world, reported per
 * page; a failure names the earlier page whose leftovers caused it.
 */
export const journey: ModeRunner = async ({ options, report }) =>
  runOnce(await readDocs(options, report), report, undefined, runJourney);
