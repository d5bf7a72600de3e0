import { readDocs } from '../orchestrate/read-docs.ts';
import { runOnce } from '../orchestrate/run-once.ts';
import { applyUpdates } from '../update/apply-updates.ts';
import type { ModeRunner } from './mode-runner.ts';

/** `--update`: verify, then rewrite every drifted output the legs agree on, in place. */
export const update: ModeRunner = async ({ options, report }) =>
  runOnce(await readDocs(options, report), report, async ({ pages, results }) => ({
    updates: await applyUpdates(pages, results),
  }));
