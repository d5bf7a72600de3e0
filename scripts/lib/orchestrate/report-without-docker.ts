import { describeWrites } from '../cli/mode.ts';
import type { CliOptions } from '../cli/parse-args.ts';
import type { SourcePage } from '../extract/read-pages.ts';
import { judgePage } from '../judge/judge-page.ts';
import { countStatuses, decideExitCode } from '../judge/results.ts';
import { planPage } from '../plan/plan-page.ts';
import type { Reporter, RunInfo } from '../report/reporter.ts';
import { describeUnopenedPage } from '../run/run-page.ts';
import type { RunSettings } from './verify-page.ts';

const noDocker = { client: '0', server: '0', apiVersion: '0' };

/** Pages of which nothing can run: reported as they are (not checked, skipped), no Docker. */
export async function reportWithoutDocker(
  pages: readonly SourcePage[],
  options: CliOptions & RunSettings,
  hasProblems: boolean,
  report: Required<Reporter>,
): Promise<number> {
  const info: RunInfo = {
    legs: [],
    missingLegs: [],
    files: pages.map((page) => page.file),
    jobs: 1,
    ...describeWrites(options.mode),
    startedAt: new Date(),
  };
  report.onRunStart(info);
  const settings = {
    leg: { name: '-', store: undefined, versions: noDocker },
    defaultTimeoutSeconds: 0,
    isStrict: options.isStrict,
  };
  const results = pages.map(({ page }) =>
    judgePage(describeUnopenedPage(planPage(page, settings))),
  );
  for (const result of results) report.onPageEnd(result);
  const counts = countStatuses(results);
  await report.onRunEnd({
    info,
    pages: results,
    counts,
    unverified: [],
    durationMs: 0,
    updates: [],
    records: [],
  });
  return decideExitCode(counts, hasProblems, options.shard !== undefined);
}
