/**
 * `--watch`: the pages are verified once, in full, then each page again whenever it is saved
 * (every page when verify-examples.json is), printing what changed since its last run. Each
 * page and leg keeps a fresh Docker world ready (warm-engine.ts), so a re-run pays for its
 * commands, not for a daemon. Ends on Ctrl-C, with everything the watch started cleaned up.
 */
import type { CliOptions } from '../cli/parse-args.ts';
import type { ProjectSettings } from '../config/project-settings.ts';
import type { PublishedImages } from '../config/published-images.ts';
import { readProjectSettings } from '../config/read-project-settings.ts';
import { readPages, type SourcePage } from '../extract/read-pages.ts';
import { countStatuses, type PageResult } from '../judge/results.ts';
import { findUnverifiedBlocks } from '../judge/unverified-blocks.ts';
import { handleInterrupts } from '../orchestrate/handle-interrupts.ts';
import { matchPublishedToMirror } from '../orchestrate/read-served-images.ts';
import { runVerification } from '../orchestrate/run-verification.ts';
import { startLegs } from '../orchestrate/start-legs.ts';
import { type RunSettings, verifyPageWithRetries } from '../orchestrate/verify-page.ts';
import type { RecordLocation } from '../record/record-path.ts';
import { isColorEnabled, selectPalette } from '../report/colors.ts';
import { formatDiagnosticLines } from '../report/format-human.ts';
import { createProgressLine } from '../report/progress-line.ts';
import type { Reporter, ReportTarget } from '../report/reporter.ts';
import type { DockerEngine } from '../run/engine/engine.ts';
import { compareRuns } from './compare-runs.ts';
import { formatRerun, formatSaved, formatStaleRecord } from './format-watch.ts';
import { findStaleBlocks } from './stale-blocks.ts';
import { createWarmEngine } from './warm-engine.ts';
import { watchFiles } from './watch-files.ts';

export interface WatchRequest {
  options: CliOptions & RunSettings;
  settings: ProjectSettings;
  /** Docker Hub's published values the settings declare, matched to the legs' mirror. */
  published?: PublishedImages | undefined;
  /** verify-examples.json, when there is one: saving it re-runs every page. */
  settingsFile: string | undefined;
  recordLocation: RecordLocation | undefined;
  pages: readonly SourcePage[];
  /** The terminal, through the human reporter for the first run. */
  report: Required<Reporter>;
  target: ReportTarget;
}

/** Watches until Ctrl-C; returns the exit code (130, as an interrupted program's). */
export async function watchPages(request: WatchRequest): Promise<number> {
  const { target, report } = request;
  let { settings } = request;
  const palette = selectPalette(isColorEnabled(target.isTty, process.env));
  const progress = createProgressLine(target);
  const print = (lines: readonly string[]) =>
    progress.write(lines.map((line) => `${line}\n`).join(''));
  const recordCommand = (file: string) => `npm run verify -- --record ${file}`;

  const started = await startLegs(request.options, settings.matrix);
  const options = await matchPublishedToMirror(request.options, request.published, started.mirror);
  const engines: DockerEngine[] = started.engines.map(createWarmEngine);
  const controller = new AbortController();
  let stop = () => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const stopHandling = handleInterrupts(
    controller,
    () => engines,
    () => stop(),
  );
  const isLegNamed = engines.length > 1;
  const last = new Map<string, PageResult[]>();
  let watcher: { close(): void } | undefined;
  try {
    const first = await runVerification({
      pages: request.pages,
      engines,
      missing: started.missing,
      options,
      report,
      signal: controller.signal,
    });
    for (const { file } of request.pages)
      last.set(
        file,
        first.results.filter((result) => result.file === file),
      );
    await report.onRunEnd({
      ...first,
      pages: first.results,
      counts: countStatuses(first.results),
      unverified: findUnverifiedBlocks(first.results),
      updates: [],
      records: [],
    });
    for (const { file, page } of request.pages) {
      const stale = await findStaleBlocks(page, request.recordLocation, settings.matrix);
      print(formatStaleRecord(file, stale, recordCommand(file), palette));
    }
    if (controller.signal.aborted) return 130;

    const rerun = async (file: string) => {
      const read = await readPages([file], settings);
      const [source] = read.pages;
      print(['', formatSaved(file, new Date(), palette)]);
      if (!source || read.diagnostics.length > 0) {
        print(formatDiagnosticLines(read.diagnostics, palette));
        return;
      }
      const stale = await findStaleBlocks(source.page, request.recordLocation, settings.matrix);
      const results = await Promise.all(
        engines.map((engine) =>
          verifyPageWithRetries(
            source.page,
            engine,
            options,
            controller.signal,
            ({ current, total }) =>
              progress.show(
                `${engine.leg.name} · snippet ${current} of ${total} · ${file}`,
                engine.leg.name,
              ),
          ),
        ),
      );
      progress.clear();
      if (controller.signal.aborted) return;
      const changes = compareRuns(last.get(file) ?? [], results);
      last.set(file, results);
      print([
        ...formatRerun(changes, results, palette, isLegNamed),
        ...formatStaleRecord(file, stale, recordCommand(file), palette),
      ]);
    };

    // One re-run at a time; a page saved while it runs runs again after.
    const queue: string[] = [];
    let isRunning = false;
    const drain = async () => {
      if (isRunning) return;
      isRunning = true;
      try {
        for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
          if (controller.signal.aborted) break;
          await rerun(file);
        }
      } catch (error) {
        print([palette.fail(`error: ${error instanceof Error ? error.message : String(error)}`)]);
      } finally {
        isRunning = false;
      }
    };
    const files = request.pages.map((page) => page.file);
    const onSaved = async (saved: string) => {
      if (saved === request.settingsFile) {
        settings = (await readProjectSettings()).settings;
        queue.push(...files.filter((file) => !queue.includes(file)));
      } else if (!queue.includes(saved)) {
        queue.push(saved);
      }
      void drain();
    };
    watcher = watchFiles(
      request.settingsFile ? [...files, request.settingsFile] : files,
      (file) => void onSaved(file),
    );
    print([
      '',
      palette.dim(
        `watching ${files.length === 1 ? '1 page' : `${files.length} pages`}: save one to verify it again · Ctrl-C to stop`,
      ),
    ]);
    await stopped;
    return 130;
  } finally {
    watcher?.close();
    progress.clear();
    await Promise.all(engines.map((engine) => engine.close()));
    stopHandling();
  }
}
