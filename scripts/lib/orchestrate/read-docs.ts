/**
 * What every mode starts from: the project's settings, the files the command line names,
 * their pages read into snippets (in reading order for a journey), each page's reader's
 * toolbox, and their problems reported (a page with problems does not run; the others
 * still do). A mode that runs the pages has its legs started as soon as the settings are
 * read, so the engines start while the pages are read.
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
import { closeUnneededLegs, type StartedLegs, startLegs } from './start-legs.ts';
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
  /**
   * The legs, starting since the settings were read, when the mode asked for them; a failure
   * to start them waits here for the run that needs them (see run-once.ts).
   */
  legs?: Promise<StartedLegs> | undefined;
}

/** Starts the legs now, for a run that will need them once the pages are read. */
function startLegsEarly(options: CliOptions, settings: ProjectSettings): Promise<StartedLegs> {
  const legs = startLegs(options, settings.matrix);
  // Handled where it is awaited; until then a failure must not count as unhandled.
  legs.catch(() => {});
  return legs;
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
  { isStartingLegs = false }: { isStartingLegs?: boolean } = {},
): Promise<Docs> {
  const loaded = await readProjectSettings();
  const { settings } = loaded;
  const recordLocation = findRecordLocation(loaded);
  const legs = isStartingLegs ? startLegsEarly(options, settings) : undefined;
  try {
    return { ...(await readPagesOf(options, report, loaded, recordLocation)), legs };
  } catch (error) {
    await closeUnneededLegs(legs);
    throw error;
  }
}

/** The rest of readDocs, once the settings are read (and the legs, maybe, starting). */
async function readPagesOf(
  options: CliOptions,
  report: Pick<Required<Reporter>, 'onDiagnostics'>,
  loaded: Awaited<ReturnType<typeof readProjectSettings>>,
  recordLocation: RecordLocation | undefined,
): Promise<Docs> {
  const { settings } = loaded;
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
