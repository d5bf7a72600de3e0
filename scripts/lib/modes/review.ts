import { readDocs } from '../orchestrate/read-docs.ts';
import { runOnce } from '../orchestrate/run-once.ts';
import { colorPalette, isColorEnabled, plainPalette } from '../report/colors.ts';
import { openKeyReader } from '../review/key-reader.ts';
import { checkReviewTerminal, reviewUpdates } from '../review/review-changes.ts';
import type { ModeRunner } from './mode-runner.ts';

/**
 * `--update --review`: verify, then show each drifted snippet and ask, key by key, whether to
 * write it. Refused before anything runs when there is no terminal to ask at.
 */
export const review: ModeRunner = async ({ options, report }) => {
  checkReviewTerminal(process.stdin, process.stdout);
  const docs = await readDocs(options, report);
  return runOnce(docs, report, async ({ pages, results }) => {
    const keys = openKeyReader(process.stdin);
    try {
      const palette = isColorEnabled(true, process.env) ? colorPalette : plainPalette;
      const write = (text: string) => void process.stdout.write(text);
      return { updates: await reviewUpdates(pages, results, { keys, write, palette }) };
    } finally {
      keys.close();
    }
  });
};
