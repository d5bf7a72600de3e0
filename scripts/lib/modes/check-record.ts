import { readDocs } from '../orchestrate/read-docs.ts';
import { checkRecords } from '../record/check-records.ts';
import type { ModeRunner } from './mode-runner.ts';

/** `--check-record`: nothing runs; does the record prove every block as it is now? */
export const checkRecord: ModeRunner = async ({ options, report }) => {
  const docs = await readDocs(options, report);
  if (docs.hasProblems) return 2;
  const problems = await checkRecords(docs.pages, docs.recordLocation, docs.settings.matrix);
  if (problems.length > 0) report.onDiagnostics(problems);
  else process.stdout.write(`✓ the record proves every block of ${docs.pages.length} pages\n`);
  return problems.length > 0 ? 1 : 0;
};
