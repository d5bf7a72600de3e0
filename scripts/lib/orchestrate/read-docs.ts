/**
 * What every mode starts from: the project's settings, the files the command line names,
 * their pages read into snippets, and their problems reported (a page with problems does
 * not run; the others still do). A mode that runs the pages has its legs started as soon as
 * the settings are read, so the engines start while the pages are read.
 */
import type { CliOptions } from '../cli/parse-args.ts';
import { collectFiles } from '../collect/collect-files.ts';
import type { ProjectSettings } from '../config/project-settings.ts';
import type { PublishedImages } from '../config/published-images.ts';
import { createPublishedContext } from '../config/published-values.ts';
import { readProjectSettings } from '../config/read-project-settings.ts';
import { readPublishedImages } from '../config/read-published-images.ts';
import { readPages, type SourcePage } from '../extract/read-pages.ts';
import { findRecordLocation, type RecordLocation } from '../record/record-path.ts';
import type { Reporter } from '../report/reporter.ts';
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

export async function readDocs(
  options: CliOptions,
  report: Pick<Required<Reporter>, 'onDiagnostics'>,
  { isStartingLegs = false }: { isStartingLegs?: boolean } = {},
): Promise<Docs> {
  const loaded = await readProjectSettings();
  const { settings } = loaded;
  const recordLocation = findRecordLocation(loaded);
  const legs = isStartingLegs ? startLegsEarly(options, settings) : undefined;
  let published: PublishedImages | undefined;
  let read: Awaited<ReturnType<typeof readPages>>;
  try {
    published = await readPublishedImages(loaded.file, settings.published);
    read = await readPages(await collectFiles(options.patterns), settings);
  } catch (error) {
    await closeUnneededLegs(legs);
    throw error;
  }
  const hasProblems = read.diagnostics.length > 0;
  if (hasProblems) report.onDiagnostics(read.diagnostics);
  return {
    settings,
    settingsFile: loaded.file,
    recordLocation,
    pages: read.pages,
    hasProblems,
    published,
    options: {
      ...options,
      isStrict: options.isStrict || settings.strict,
      published: createPublishedContext(published),
    },
    legs,
  };
}
