/**
 * What every mode starts from: the project's settings, the files the command line names,
 * their pages read into snippets, and their problems reported (a page with problems does
 * not run; the others still do).
 */
import type { CliOptions } from '../cli/parse-args.ts';
import { collectFiles } from '../collect/collect-files.ts';
import type { ProjectSettings } from '../config/project-settings.ts';
import { readProjectSettings } from '../config/read-project-settings.ts';
import { readPages, type SourcePage } from '../extract/read-pages.ts';
import { findRecordLocation, type RecordLocation } from '../record/record-path.ts';
import type { Reporter } from '../report/reporter.ts';
import type { RunSettings } from './verify-page.ts';

export interface Docs {
  settings: ProjectSettings;
  /** verify-examples.json, when there is one. */
  settingsFile: string | undefined;
  recordLocation: RecordLocation | undefined;
  pages: SourcePage[];
  /** Some page had problems, reported already: the run cannot pass. */
  hasProblems: boolean;
  /** The command line with what the settings add (`strict`). */
  options: CliOptions & RunSettings;
}

export async function readDocs(
  options: CliOptions,
  report: Pick<Required<Reporter>, 'onDiagnostics'>,
): Promise<Docs> {
  const loaded = await readProjectSettings();
  const { settings } = loaded;
  const recordLocation = findRecordLocation(loaded);
  const files = await collectFiles(options.patterns);
  const read = await readPages(files, settings);
  const hasProblems = read.diagnostics.length > 0;
  if (hasProblems) report.onDiagnostics(read.diagnostics);
  return {
    settings,
    settingsFile: loaded.file,
    recordLocation,
    pages: read.pages,
    hasProblems,
    options: { ...options, isStrict: options.isStrict || settings.strict },
  };
}
