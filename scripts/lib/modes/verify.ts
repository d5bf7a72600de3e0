import { readDocs } from '../orchestrate/read-docs.ts';
import { runOnce } from '../orchestrate/run-once.ts';
import type { ModeRunner } from './mode-runner.ts';

/** The default: every page on every leg, reported; nothing is written. */
export const verify: ModeRunner = async ({ options, report }) =>
  runOnce(await readDocs(options, report), report);
