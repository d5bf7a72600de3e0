import { formatFlag } from '../cli/flags.ts';
import { type Diagnostic, formatPosition } from '../core/errors.ts';
import { formatDuration } from '../core/format.ts';
import { countFailed, countStatuses, type PageResult } from '../judge/results.ts';
import type { FileUpdate } from '../update/plan-file-update.ts';
import { type Palette, paintLines } from './colors.ts';
import type { Finding } from './findings.ts';
import { formatCounts } from './format-summary.ts';
import type { RunInfo, RunSummary } from './reporter.ts';

/** The pieces of the terminal report, pure so that they can be read in a test. */

export function formatRunHeader(info: RunInfo): string {
  const { client, server, apiVersion } = info.versions;
  const pages = info.files.length === 1 ? '1 page' : `${info.files.length} pages`;
  const update = info.isUpdate ? ` · ${formatFlag('update')}` : '';
  return `Docker client ${client}, server ${server} (API ${apiVersion}) · ${info.engine} engine · ${pages}, ${info.jobs} at a time${update}`;
}

export function formatPageLine(page: PageResult, palette: Palette): string {
  const counts = countStatuses([page]);
  const parts = [
    [counts.pass, 'passed'],
    [counts.drift, 'drifted'],
    [counts.failed, 'failed'],
    [counts.timeout, 'timed out'],
    [counts.error, counts.error === 1 ? 'error' : 'errors'],
    [counts.skipped, 'skipped'],
  ]
    .filter(([count]) => count !== 0)
    .map(([count, label]) => `${count} ${label}`);
  const isBroken = countFailed(counts) + counts.error > 0;
  const mark = isBroken
    ? palette.fail('✗')
    : counts.pass === 0 && counts.skipped > 0
      ? palette.skip('-')
      : palette.pass('✓');
  const what = parts.length > 0 ? parts.join(', ') : 'no snippets';
  return `${mark} ${page.file}  ${what}  ${palette.dim(formatDuration(page.durationMs))}`;
}

export function formatFinding(finding: Finding, palette: Palette): string[] {
  const mark = finding.status === 'error' ? palette.fail('!') : palette.fail('✗');
  const where = palette.heading(formatPosition(finding));
  const label = finding.status === 'error' ? 'error: ' : '';
  return [
    `${mark} ${where}  ${label}${finding.summary}`,
    ...paintLines(finding.details, palette).map((line) => `  ${line}`),
  ];
}

export function formatSkipped(pages: readonly PageResult[], palette: Palette): string[] {
  return pages.flatMap((page) =>
    page.results.flatMap((result) =>
      result.status === 'skipped'
        ? [`${palette.skip('-')} ${formatPosition(result.snippet)}  ${palette.dim(result.reason)}`]
        : [],
    ),
  );
}

export function formatUpdates(updates: readonly FileUpdate[], palette: Palette): string[] {
  const rewritten = updates.filter((update) => update.rewritten.length > 0);
  const refused = updates.flatMap((update) =>
    update.refused.map((refusal) => ({ file: update.file, ...refusal })),
  );
  const lines: string[] = [];
  if (rewritten.length === 0) lines.push(`${formatFlag('update')} rewrote no file`);
  for (const update of rewritten) {
    const commands = update.rewritten.length === 1 ? 'command' : 'commands';
    lines.push(
      `${palette.pass('updated')} ${update.file}  output of the ${commands} at line ${update.rewritten.join(', ')}`,
    );
  }
  for (const refusal of refused) {
    lines.push(`${palette.fail('not updated')} ${formatPosition(refusal)}  ${refusal.reason}`);
  }
  return lines;
}

export function formatClosingLine(summary: RunSummary, palette: Palette): string {
  const isGreen = countFailed(summary.counts) + summary.counts.error === 0;
  const paint = isGreen ? palette.pass : palette.fail;
  return `${paint(formatCounts(summary.counts))} ${palette.dim(`in ${formatDuration(summary.durationMs)}`)}`;
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
