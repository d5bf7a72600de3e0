/**
 * What every mode starts from: the project's settings, the files the command line names,
 * their pages read into snippets (in reading order for a journey), each page's reader's
 * toolbox, and their problems reported (a page with problems does not run; the others
 * still do).
 */
import { dirname, relative, resolve } from 'node:path';
import { type CliOptions, defaultPatterns } from '../cli/parse-args.ts';
import { collectFiles } from '../collect/collect-files.ts';
import type { ProjectSettings } from '../config/project-settings.ts';
import type { PublishedImages } from '../config/published-images.ts';
import { createPublishedContext } from '../config/published-values.ts';
import { readProjectSettings } from '../config/read-project-settings.ts';
import { readPublishedImages } from '../config/read-published-images.ts';
import { toolbox } from '../core/reader-toolbox.ts';
import { readPages, type SourcePage } from '../extract/read-pages.ts';
import { findRecordLocation, type RecordLocation } from '../record/record-path.ts';
import type { Reporter } from '../report/reporter.ts';
import { readReadingOrder } from './read-reading-order.ts';
import type { RunSettings } from './verify-page.ts';

export interface Docs {
  settings: ProjectSettings;
  /** verify-examples.json, when there is one. */
  settingsFile: string | undefined;
  recordLocation: RecordLocation | undefined;
  pages: SourcePage[];
  /** Some page had problems, reported already: the run cannot pass. */
  hasProblems: boolean;
  /** Docker Hub's published values the settings declare (`published`), if any. */
  published: PublishedImages | undefined;
  /** The command line with what the settings add (`strict`, the published values). */
  options: CliOptions & RunSettings;
}

/** A journey without files named travels the reader's pages (`reader.pages`), if set. */
function choosePatterns(
  options: CliOptions,
  settings: ProjectSettings,
  settingsFile: string | undefined,
): readonly string[] {
  const pages = settings.reader?.pages;
  const isDefault = options.patterns.join('\n') === defaultPatterns.join('\n');
  if (options.mode.kind !== 'journey' || !pages || !isDefault) return options.patterns;
  const folder = resolve(settingsFile ? dirname(settingsFile) : process.cwd(), pages);
  return [relative(process.cwd(), folder) || '.'];
}

export async function readDocs(
  options: CliOptions,
  report: Pick<Required<Reporter>, 'onDiagnostics'>,
): Promise<Docs> {
  const loaded = await readProjectSettings();
  const { settings } = loaded;
  const recordLocation = findRecordLocation(loaded);
  const published = await readPublishedImages(loaded.file, settings.published);
  const isJourney = options.mode.kind === 'journey';
  const files = await collectFiles(choosePatterns(options, settings, loaded.file));
  const read = await readPages(files, settings);
  const hasProblems = read.diagnostics.length > 0;
  if (hasProblems) report.onDiagnostics(read.diagnostics);
  // The reading order is read only when it matters: a journey, or a reader's toolbox.
  const order =
    isJourney || settings.reader
      ? await readReadingOrder(read.pages, settings, loaded.file, toolbox)
      : undefined;
  return {
    settings,
    settingsFile: loaded.file,
    recordLocation,
    pages: isJourney && order ? order.runPages : read.pages,
    hasProblems,
    published,
    options: {
      ...options,
      isStrict: options.isStrict || settings.strict,
      published: createPublishedContext(published),
      toolboxes: order?.toolboxes,
    },
  };
}
