import { type Diagnostic, formatPosition } from '../core/errors.ts';
import { formatFlag } from '../core/flags.ts';
import { formatDuration } from '../core/format.ts';
import {
  countFailed,
  countFlaky,
  countStatuses,
  isNothingVerified,
  isPageBroken,
  type PageResult,
  type StatusCounts,
} from '../judge/results.ts';
import type { UnverifiedBlock } from '../judge/unverified-blocks.ts';
import type { RecordWrite } from '../record/write-records.ts';
import type { FileUpdate } from '../update/plan-file-update.ts';
import { type Palette, paintLines } from './colors.ts';
import { type Finding, findFlakyFindings } from './findings.ts';
import { formatCounts } from './format-summary.ts';
import { describeLeg, formatWhere, groupByLeg, hasSeveralLegs } from './legs.ts';
import type { RunInfo, RunSummary } from './reporter.ts';

/** The pieces of the terminal report, pure so that they can be read in a test. */

/** What the run verifies on which Docker: one line, or one more per leg when there are several. */
export function formatRunHeader(info: RunInfo): string[] {
  const pages = info.files.length === 1 ? '1 page' : `${info.files.length} pages`;
  const update = [
    ...(info.isUpdate ? [formatFlag('update')] : []),
    ...(info.isRecord ? [formatFlag('record')] : []),
  ]
    .map((flag) => ` · ${flag}`)
    .join('');
  const [only] = info.legs;
  if (info.legs.length === 0) return [`${pages}, nothing that can run: Docker was not started`];
  const missing = info.missingLegs.map(
    (leg) => `  ${leg.name}: not verified, it cannot run here (${leg.reason})`,
  );
  if (only && !hasSeveralLegs(info)) {
    return [`${describeLeg(only)} · ${pages}, ${info.jobs} at a time${update}`, ...missing];
  }
  return [
    `${pages} on ${info.legs.length} legs, ${info.jobs} at a time${update}`,
    ...info.legs.map((leg) => `  ${leg.name}: ${describeLeg(leg)}`),
    ...missing,
  ];
}

export function formatPageLine(page: PageResult, palette: Palette, isLegNamed = false): string {
  const counts = countStatuses([page]);
  const parts = [
    [counts.pass, 'passed'],
    [counts.drift, 'drifted'],
    [counts.failed, 'failed'],
    [counts.timeout, 'timed out'],
    [counts.error, counts.error === 1 ? 'error' : 'errors'],
    [counts.skipped, 'skipped'],
    [counts.unchecked, 'not checked'],
    [counts.excluded, 'for other legs'],
  ]
    .filter(([count]) => count !== 0)
    .map(([count, label]) => `${count} ${label}`);
  const isBroken = isPageBroken(page);
  const attempts = (page.earlierAttempts?.length ?? 0) + 1;
  if (attempts > 1) {
    parts.push(
      isBroken
        ? palette.fail(`on each of ${attempts} attempts`)
        : palette.skip(`flaky: passed on attempt ${attempts} of ${attempts}`),
    );
  }
  const mark = isBroken
    ? palette.fail('✗')
    : counts.pass === 0
      ? palette.skip('-')
      : palette.pass('✓');
  const what = parts.length > 0 ? parts.join(', ') : 'no snippets';
  const leg = isLegNamed ? `${page.leg}  ` : '';
  return `${mark} ${leg}${page.file}  ${what}  ${palette.dim(formatDuration(page.durationMs))}`;
}

/**
 * Pages that failed, then passed when run again (`--retries`): what went wrong on each
 * earlier attempt, marked `~`, so a flake is seen and not mistaken for a pass.
 */
export function formatFlaky(
  pages: readonly PageResult[],
  palette: Palette,
  isLegNamed = false,
): string[] {
  return pages.flatMap(findFlakyFindings).flatMap((finding) => {
    const where = palette.heading(formatWhere(finding, finding.leg, isLegNamed));
    return [
      `${palette.skip('~')} ${where}  ${finding.summary}`,
      ...paintLines(finding.details, palette).map((line) => `  ${line}`),
    ];
  });
}

export function formatFinding(finding: Finding, palette: Palette, isLegNamed = false): string[] {
  const mark = finding.status === 'error' ? palette.fail('!') : palette.fail('✗');
  const where = palette.heading(formatWhere(finding, finding.leg, isLegNamed));
  const label = finding.status === 'error' ? 'error: ' : '';
  return [
    `${mark} ${where}  ${label}${finding.summary}`,
    ...paintLines(finding.details, palette).map((line) => `  ${line}`),
  ];
}

export function formatSkipped(
  pages: readonly PageResult[],
  palette: Palette,
  isLegNamed = false,
): string[] {
  return pages.flatMap((page) =>
    page.results.flatMap((result) => {
      if (result.status !== 'skipped' && result.status !== 'unchecked') return [];
      const where = formatWhere(result.snippet, page.leg, isLegNamed);
      const reason =
        result.status === 'unchecked' ? `not checked: ${result.reason}` : result.reason;
      return [`${palette.skip('-')} ${where}  ${palette.dim(reason)}`];
    }),
  );
}

/** What `--record` wrote: each record that changed, a count of the others. */
export function formatRecords(writes: readonly RecordWrite[], palette: Palette): string[] {
  const unchanged = writes.filter((write) => write.status === 'unchanged').length;
  return [
    ...writes.flatMap((write) =>
      write.status === 'written'
        ? [`${palette.pass('recorded')} ${write.file}`]
        : write.status === 'outside'
          ? [
              `${palette.skip('not recorded')} ${write.page}  ${palette.dim('outside the pages the record covers')}`,
            ]
          : [],
    ),
    ...(unchanged > 0
      ? [palette.dim(`${unchanged} ${unchanged === 1 ? 'record' : 'records'} unchanged`)]
      : []),
  ];
}

/** Blocks no leg of the run verified, and why. */
export function formatUnverified(blocks: readonly UnverifiedBlock[], palette: Palette): string[] {
  return blocks.map(
    (block) =>
      `${palette.skip('?')} ${formatPosition(block)}  not verified: ${palette.dim(block.reason)}`,
  );
}

export function formatUpdates(updates: readonly FileUpdate[], palette: Palette): string[] {
  const rewritten = updates.filter((update) => update.rewritten.length > 0);
  const refused = updates.flatMap((update) =>
    update.refused.map((refusal) => ({ file: update.file, ...refusal })),
  );
  const skipped = updates.flatMap((update) =>
    update.skipped.map((line) => ({ file: update.file, line })),
  );
  const lines: string[] = [];
  if (rewritten.length === 0) lines.push(`${formatFlag('update')} rewrote no file`);
  for (const update of rewritten) {
    const commands = update.rewritten.length === 1 ? 'command' : 'commands';
    lines.push(
      `${palette.pass('updated')} ${update.file}  output of the ${commands} at line ${update.rewritten.join(', ')}`,
    );
  }
  for (const skip of skipped) {
    lines.push(`${palette.skip('skipped')} ${formatPosition(skip)}  left as documented`);
  }
  for (const refusal of refused) {
    lines.push(`${palette.fail('not updated')} ${formatPosition(refusal)}  ${refusal.reason}`);
  }
  return lines;
}

function paintCounts(counts: StatusCounts, palette: Palette, unverified = 0, flaky = 0): string {
  const isGreen = countFailed(counts) + counts.error === 0;
  return (isGreen ? palette.pass : palette.fail)(formatCounts(counts, unverified, flaky));
}

/** The counts of the run; with several legs, first a line per leg. */
export function formatClosingLines(summary: RunSummary, palette: Palette): string[] {
  const counts = paintCounts(
    summary.counts,
    palette,
    summary.unverified.length,
    countFlaky(summary.pages),
  );
  const total = `${counts} ${palette.dim(`in ${formatDuration(summary.durationMs)}`)}`;
  if (isNothingVerified(summary.counts)) {
    const pages =
      summary.info.files.length === 1 ? 'the page' : `${summary.info.files.length} pages`;
    return [total, palette.fail(`nothing was verified: no snippet of ${pages} could run`)];
  }
  if (!hasSeveralLegs(summary.info)) return [total];
  const width = Math.max(...summary.info.legs.map((leg) => leg.name.length));
  const perLeg = groupByLeg(summary.pages, summary.info.legs).map(
    ({ leg, pages }) =>
      `${`${leg}:`.padEnd(width + 1)} ${paintCounts(countStatuses(pages), palette, 0, countFlaky(pages))}`,
  );
  return [...perLeg, `${'all legs:'.padEnd(width + 1)} ${total}`];
}

export function formatDiagnosticLines(
  diagnostics: readonly Diagnostic[],
  palette: Palette,
): string[] {
  const lines = diagnostics.flatMap((diagnostic) => [
    `${palette.heading(formatPosition(diagnostic.position))}: ${diagnostic.message}`,
    ...(diagnostic.hint ? [`  ${palette.hint(`hint: ${diagnostic.hint}`)}`] : []),
  ]);
  const problems = diagnostics.length === 1 ? '1 problem' : `${diagnostics.length} problems`;
  return [...lines, '', palette.fail(`${problems} in the documents`)];
}
