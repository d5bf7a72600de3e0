import { readDocs } from '../orchestrate/read-docs.ts';
import { watchPages } from '../watch/watch-pages.ts';
import type { ModeRunner } from './mode-runner.ts';

/** `--watch`: verify the pages, then each again as it is saved, until Ctrl-C. */
export const watch: ModeRunner = async ({ options, report }) => {
  const docs = await readDocs(options, report);
  const target = {
    write: (text: string) => void process.stdout.write(text),
    isTty: process.stdout.isTTY === true,
    get columns() {
      return process.stdout.columns;
    },
  };
  return watchPages({
    options: docs.options,
    settings: docs.settings,
    published: docs.published,
    settingsFile: docs.settingsFile,
    recordLocation: docs.recordLocation,
    pages: docs.pages,
    report,
    target,
  });
};
